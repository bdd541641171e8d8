#!/usr/bin/env node
// Packs every published package the way `yarn pack` does for `npm publish` (prepack
// rewrites the manifest from publishConfig, `workspace:` ranges become versions) and
// fails when an adopter would get a broken or duplicating install:
//   - an exact `@backstage/*` pin (the app then gets a second copy of core packages),
//   - a `workspace:` range left in the packed manifest,
//   - a declared `@backstage/*` range that does not include the version this repository
//     resolves (yarn.lock), i.e. the version every test here ran against,
//   - a test library (`*-test-utils`) in `dependencies`: every app that installs the
//     package would get it, with its own dependencies (testcontainers, second versions);
//   - no README in the tarball, no `repository` or no `files` in the manifest.
// Exact pins belong only in the root package.json `resolutions` (demo app and tests).
//
// Usage: node scripts/check-published-packages.mjs   (needs Node/Yarn from scripts/env.sh)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const semver = createRequire(join(root, 'package.json'))('semver');

/** Workspaces that are published to npm: every non-private one. */
export function publishedWorkspaces() {
  const dirs = [];
  for (const parent of ['packages', 'plugins']) {
    for (const name of readdirSync(join(root, parent))) {
      const dir = join(parent, name);
      let pkg;
      try {
        pkg = JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8'));
      } catch {
        continue;
      }
      if (!pkg.private) dirs.push({ dir, name: pkg.name });
    }
  }
  return dirs;
}

/** Every version yarn.lock resolves for a package name. */
function lockedVersions(lockText, name) {
  const versions = new Set();
  const header = new RegExp(
    `^"?${name.replace(
      /[/.]/g,
      '\\$&',
    )}@npm:[^\\n]*:\\n  version: "?([^"\\n]+)"?`,
    'gm',
  );
  for (const m of lockText.matchAll(header)) versions.add(m[1]);
  return [...versions];
}

const DEP_FIELDS = [
  'dependencies',
  'peerDependencies',
  'optionalDependencies',
  'devDependencies',
];

/** Problems of one packed manifest plus its file list; pure, so it is unit-testable. */
export function problemsOf(manifest, files, lockText) {
  const problems = [];
  if (!files.some(f => /^package\/README(\.md)?$/i.test(f)))
    problems.push('no README in the packed tarball');
  if (!manifest.repository) problems.push('no "repository" in package.json');
  if (!Array.isArray(manifest.files) || manifest.files.length === 0)
    problems.push('no "files" in package.json');
  for (const dep of Object.keys(manifest.dependencies ?? {}))
    if (/(^|[/-])test-utils$/.test(dep))
      problems.push(
        `dependencies.${dep} is a test library; make it an optional peer dependency (peerDependenciesMeta), as @backstage/plugin-catalog-node does for its ./testUtils`,
      );
  for (const field of DEP_FIELDS) {
    for (const [dep, range] of Object.entries(manifest[field] ?? {})) {
      if (String(range).startsWith('workspace:')) {
        problems.push(`${field}.${dep} is still "${range}" after packing`);
        continue;
      }
      if (!dep.startsWith('@backstage/')) continue;
      if (semver.valid(range)) {
        problems.push(
          `${field}.${dep} is an exact pin "${range}"; use "^${range}" (pins belong in the root resolutions)`,
        );
        continue;
      }
      const locked = lockedVersions(lockText, dep);
      if (locked.length === 0) {
        problems.push(
          `${field}.${dep}: yarn.lock resolves no version, so no test ran against it`,
        );
        continue;
      }
      for (const version of locked) {
        if (!semver.satisfies(version, range))
          problems.push(
            `${field}.${dep} "${range}" does not include ${version}, the version this repository tests with (yarn.lock)`,
          );
      }
    }
  }
  return problems;
}

/** `yarn` arguments that pack every non-private workspace into `outDir` (prepack in parallel). */
export function packArgs(outDir) {
  return [
    'workspaces',
    'foreach',
    '--all',
    '--no-private',
    '--parallel',
    'pack',
    '--out',
    join(outDir, '%s.tgz'),
  ];
}

/** Packs every non-private workspace at once (one Yarn process). */
function packAll(outDir) {
  execFileSync('yarn', packArgs(outDir), {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

function readTarball(tarball) {
  const files = execFileSync('tar', ['tzf', tarball], { encoding: 'utf8' })
    .split('\n')
    .filter(Boolean);
  const manifest = JSON.parse(
    execFileSync('tar', ['xzOf', tarball, 'package/package.json'], {
      encoding: 'utf8',
    }),
  );
  return { files, manifest };
}

function main() {
  const started = Date.now();
  const lockText = readFileSync(join(root, 'yarn.lock'), 'utf8');
  const outDir = mkdtempSync(join(tmpdir(), 'rbc-pack-'));
  let failed = 0;
  try {
    packAll(outDir);
    for (const { dir, name } of publishedWorkspaces()) {
      const { files, manifest } = readTarball(
        join(outDir, `${name.replace('/', '-')}.tgz`),
      );
      const problems = problemsOf(manifest, files, lockText);
      if (problems.length === 0) {
        console.log(`ok   ${name} (${files.length} files)`);
      } else {
        failed++;
        console.log(`FAIL ${name} (${dir})`);
        for (const p of problems) console.log(`     - ${p}`);
      }
    }
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
  console.log(`checked in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (failed) process.exit(1);
}

if (process.argv[1] && new URL(import.meta.url).pathname === process.argv[1])
  main();
