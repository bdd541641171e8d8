/** The characters of a TOML basic string that need no escape: not `"`, `\` or a control character. */
const PLAIN_STRING = '"([^"\\\\\\u0000-\\u0008\\u000a-\\u001f\\u007f]*)"';
const KEY_LINE = new RegExp(`^([a-z][a-z0-9_-]*) = ${PLAIN_STRING}$`);
/** The only keys cargo writes in v1's `[metadata]`. */
const CHECKSUM_LINE = new RegExp(
  `^"(checksum [^"\\\\\\u0000-\\u0008\\u000a-\\u001f\\u007f]*)" = ${PLAIN_STRING}$`,
);
const DEPENDENCY_LINE = new RegExp(`^ ${PLAIN_STRING},$`);
/** TOML integers have no leading zeros; Cargo's formats are 1 to 4. */
const VERSION_LINE = /^version = ([1-9][0-9]{0,8})$/;
/** A TOML comment: no control character but tab. */
// eslint-disable-next-line no-control-regex
const COMMENT_LINE = /^#[^\u0000-\u0008\u000a-\u001f\u007f]*$/;

/**
 * A Cargo.lock as cargo writes it, read line by line: the keys `analyzeCargoLock` uses, with
 * the values a TOML parser gives them. Cargo writes its lock files in one fixed layout
 * (comments, `version = N`, `[[package]]` tables of one-line strings and a `dependencies`
 * array of one string per line, v1's `[metadata]` of quoted keys), so reading only that
 * layout spares a general TOML parse, which was the largest part of a `collect` run's own
 * work: on a lock of 1,000 packages, 55 ms of `analyzeCargoLock` with the TOML parser and
 * 16–18 ms this way (V8 profiles of the CLI's bundle, docs/benchmarks.md).
 *
 * Returns undefined for anything outside that layout (an escape or other quote in a string,
 * a trailing comment, another table, a duplicate key, inline tables...): the caller then
 * parses the file as TOML, so that an unusual or broken file gets exactly the TOML parser's
 * reading or error. `readCanonicalCargoLock.test.ts` compares both readings.
 */
export function readCanonicalCargoLock(
  text: string,
): CanonicalCargoLock | undefined {
  const lock: CanonicalCargoLock = { package: [] };
  // Where key lines go: the top level, a package, or [metadata] (quoted keys).
  let table: Record<string, string> | undefined;
  let inMetadata = false;
  let inDependencies = false;
  for (const rawLine of text.split('\n')) {
    const line = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine;
    if (inDependencies) {
      if (line === ']') inDependencies = false;
      else if (!DEPENDENCY_LINE.test(line)) return undefined;
      continue;
    }
    if (line === '' || COMMENT_LINE.test(line)) continue;
    if (line === '[[package]]') {
      table = {};
      lock.package.push(table);
      inMetadata = false;
      continue;
    }
    if (line === '[metadata]') {
      if (lock.metadata) return undefined;
      lock.metadata = {};
      table = undefined;
      inMetadata = true;
      continue;
    }
    if (inMetadata) {
      const quoted = CHECKSUM_LINE.exec(line);
      if (!quoted || Object.hasOwn(lock.metadata!, quoted[1])) return undefined;
      lock.metadata![quoted[1]] = quoted[2];
      continue;
    }
    if (!table) {
      // Before the first table: only the format version.
      const version = VERSION_LINE.exec(line);
      if (!version || lock.version !== undefined) return undefined;
      lock.version = Number(version[1]);
      continue;
    }
    if (line === 'dependencies = [') {
      if (Object.hasOwn(table, 'dependencies')) return undefined;
      table.dependencies = '';
      inDependencies = true;
      continue;
    }
    const pair = KEY_LINE.exec(line);
    if (!pair || Object.hasOwn(table, pair[1])) return undefined;
    table[pair[1]] = pair[2];
  }
  if (inDependencies) return undefined;
  for (const entry of lock.package) {
    // Only there to catch a duplicate; the analysis does not read the dependencies.
    delete entry.dependencies;
  }
  return lock;
}

/**
 * The keys of a Cargo.lock that `analyzeCargoLock` reads. A type, not an interface: the
 * caller reads it as it reads any parsed TOML document.
 */
export type CanonicalCargoLock = {
  version?: number;
  /** Each package's string keys (`name`, `version`, `source`, `checksum`, `replace`...). */
  package: Array<Record<string, string>>;
  /** v1: `"checksum NAME VERSION (SOURCE)" = "<sha256>"`. */
  metadata?: Record<string, string>;
};
