// Reads a Yarn (berry) lockfile into "package name -> versions", and compares two of them:
// the adoption check fails when installing the plugin packages adds a second version of a
// package the app already had (a duplicated core package costs bundle size and breaks
// singletons such as API refs and extension points).

/** Splits `@scope/name@npm:1.2.3` / `name@patch:...` into the package name and the rest. */
function splitLocator(locator) {
  const at = locator.indexOf('@', locator.startsWith('@') ? 1 : 0);
  if (at <= 0) throw new Error(`not a Yarn locator: ${locator}`);
  return { name: locator.slice(0, at), reference: locator.slice(at + 1) };
}

/**
 * Every installed package of a lockfile with its versions: `Map<name, Set<version>>`.
 * Workspaces (`@workspace:`) are left out; a patched package (`@patch:`) has the version of
 * the package it patches, so it does not count as a second version.
 */
export function lockfileVersions(text) {
  const versions = new Map();
  let version;
  for (const line of text.split('\n')) {
    const v = /^ {2}version: "?([^"\s]+)"?$/.exec(line);
    if (v) {
      version = v[1];
      continue;
    }
    const r = /^ {2}resolution: "([^"]+)"$/.exec(line);
    if (!r) continue;
    const { name, reference } = splitLocator(r[1]);
    if (reference.startsWith('workspace:')) continue;
    if (!version) throw new Error(`lockfile entry ${r[1]} has no version`);
    if (!versions.has(name)) versions.set(name, new Set());
    versions.get(name).add(version);
    version = undefined;
  }
  if (versions.size === 0) throw new Error('the lockfile lists no packages');
  return versions;
}

/**
 * Packages the app had before whose versions grew: `[{ name, before: [...], added: [...] }]`,
 * sorted by name. New packages (the plugins and their own dependencies) are not listed.
 */
export function addedVersions(before, after) {
  const problems = [];
  for (const [name, had] of before) {
    const added = [...(after.get(name) ?? [])].filter(v => !had.has(v));
    if (added.length) problems.push({ name, before: [...had], added });
  }
  return problems.sort((a, b) => a.name.localeCompare(b.name));
}
