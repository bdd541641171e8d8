import fs from 'node:fs';
import path from 'node:path';

// One Backstage release, pinned: a caret range left to float once mixed backend-defaults
// 0.18 with a newer signals backend, and the backend died at start. These checks read what
// is really installed under node_modules, not what package.json asks for.

const repoRoot = path.resolve(__dirname, '../../..');

const CORE_PACKAGES = [
  '@backstage/backend-plugin-api',
  '@backstage/core-plugin-api',
  '@backstage/backend-defaults',
  '@backstage/catalog-model',
  '@backstage/frontend-plugin-api',
];

/** Every installed copy of every @backstage package: name → versions → locations. */
function installedBackstagePackages(): Map<string, Map<string, string[]>> {
  const found = new Map<string, Map<string, string[]>>();
  const visit = (nodeModules: string) => {
    if (!fs.existsSync(nodeModules)) return;
    for (const entry of fs.readdirSync(nodeModules)) {
      if (entry.startsWith('.')) continue;
      const entryPath = path.join(nodeModules, entry);
      const packageDirs = entry.startsWith('@')
        ? fs.readdirSync(entryPath).map(name => path.join(entryPath, name))
        : [entryPath];
      for (const dir of packageDirs) {
        const manifest = path.join(dir, 'package.json');
        if (!fs.existsSync(manifest)) continue;
        const { name, version } = JSON.parse(fs.readFileSync(manifest, 'utf8'));
        if (typeof name === 'string' && name.startsWith('@backstage/')) {
          const versions = found.get(name) ?? new Map<string, string[]>();
          versions.set(version, [
            ...(versions.get(version) ?? []),
            path.relative(repoRoot, dir),
          ]);
          found.set(name, versions);
        }
        visit(path.join(dir, 'node_modules'));
      }
    }
  };
  visit(path.join(repoRoot, 'node_modules'));
  for (const workspaceDir of ['packages', 'plugins']) {
    for (const name of fs.readdirSync(path.join(repoRoot, workspaceDir))) {
      visit(path.join(repoRoot, workspaceDir, name, 'node_modules'));
    }
  }
  return found;
}

describe('the pinned Backstage release', () => {
  const installed = installedBackstagePackages();

  it('finds the installed Backstage packages', () => {
    expect(installed.size).toBeGreaterThan(20);
  });

  it.each(CORE_PACKAGES)('has exactly one installed version of %s', name => {
    const versions = installed.get(name);
    expect(versions).toBeDefined();
    const described = [...versions!].map(
      ([version, places]) => `${version} at ${places.join(', ')}`,
    );
    expect(described).toHaveLength(1);
  });

  it('installs every @backstage package at the version pinned in the root resolutions', () => {
    const rootManifest = JSON.parse(
      fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'),
    );
    const pinned: Record<string, string> = rootManifest.resolutions;
    const offPin: string[] = [];
    for (const [name, versions] of installed) {
      for (const version of versions.keys()) {
        if (pinned[name] !== version) {
          offPin.push(`${name}@${version} (pinned: ${pinned[name] ?? 'none'})`);
        }
      }
    }
    expect(offPin).toEqual([]);
  });

  it('pins no @backstage package that nothing installs (resolutions and lockfile agree)', () => {
    const rootManifest = JSON.parse(
      fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'),
    );
    const stale = Object.keys(rootManifest.resolutions).filter(
      name => name.startsWith('@backstage/') && !installed.has(name),
    );
    expect(stale).toEqual([]);
  });
});
