#!/usr/bin/env node
// Pins every @backstage/* package in the dependency closure of this repository to the
// version that belongs to one Backstage release, and writes them to the root
// package.json "resolutions". A caret range left to float mixes releases (for example
// backend-defaults 0.18 with a newer signals backend), and the backend then dies at start.
//
// Usage: node scripts/pin-backstage-release.mjs [--root DIR] <release-date-cutoff ISO> [manifest.json]
//   The cutoff is the moment after the release was published; for each package the highest
//   stable version published before it is taken, unless the optional manifest (a JSON map of
//   package name to version, e.g. from @backstage/create-app's lib/versions) names one.
//   --root names another Backstage monorepo to pin (default: this repository); the
//   adoption check (scripts/adoption-check) pins the app it generates with it.
//   This repository's resolutions: cutoff 2026-09-17T00:00:00Z, manifest from
//   @backstage/create-app 0.9.2 (Backstage 1.55.0), then @backstage/errors raised to 1.3.2.
import { readFileSync, writeFileSync, readdirSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const args = process.argv.slice(2);
let rootArg;
if (args[0] === '--root') {
  rootArg = args[1];
  args.splice(0, 2);
}
const [cutoffArg, manifestPath] = args;
if (
  !cutoffArg ||
  Number.isNaN(Date.parse(cutoffArg)) ||
  (args[0] === undefined && rootArg)
) {
  console.error(
    'usage: pin-backstage-release.mjs [--root DIR] <cutoff ISO date> [manifest.json]',
  );
  process.exit(2);
}
const cutoff = Date.parse(cutoffArg);
const manifest = manifestPath
  ? JSON.parse(readFileSync(manifestPath, 'utf8'))
  : {};
const registry = (
  process.env.npm_config_registry ?? 'https://registry.npmjs.org/'
).replace(/\/?$/, '/');
const root = rootArg
  ? resolve(rootArg)
  : new URL('..', import.meta.url).pathname;

const workspaceManifests = ['package.json'];
for (const dir of ['packages', 'plugins']) {
  if (!existsSync(join(root, dir))) continue;
  for (const name of readdirSync(join(root, dir))) {
    const p = join(dir, name, 'package.json');
    if (existsSync(join(root, p))) workspaceManifests.push(p);
  }
}

const isBackstage = name => name.startsWith('@backstage/');
const queue = new Set();
for (const file of workspaceManifests) {
  const pkg = JSON.parse(readFileSync(join(root, file), 'utf8'));
  for (const field of ['dependencies', 'devDependencies', 'peerDependencies']) {
    for (const name of Object.keys(pkg[field] ?? {}))
      if (isBackstage(name)) queue.add(name);
  }
}

const cmp = (a, b) => {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return pa[i] - pb[i];
  return 0;
};

async function packument(name) {
  const res = await fetch(registry + name.replace('/', '%2f'));
  if (!res.ok) throw new Error(`${name}: registry answered ${res.status}`);
  return res.json();
}

const pinned = {};
const pending = [...queue];
while (pending.length) {
  const batch = pending.splice(0, 8);
  await Promise.all(
    batch.map(async name => {
      if (pinned[name]) return;
      const doc = await packument(name);
      let version = manifest[name];
      if (!version) {
        const candidates = Object.keys(doc.versions)
          .filter(v => /^\d+\.\d+\.\d+$/.test(v))
          .filter(v => doc.time?.[v] && Date.parse(doc.time[v]) < cutoff);
        version = candidates.sort(cmp).pop();
      }
      if (!version)
        throw new Error(`${name}: no stable version before ${cutoffArg}`);
      pinned[name] = version;
      const meta = doc.versions[version];
      for (const field of ['dependencies', 'peerDependencies']) {
        for (const dep of Object.keys(meta[field] ?? {})) {
          if (isBackstage(dep) && !pinned[dep] && !pending.includes(dep))
            pending.push(dep);
        }
      }
    }),
  );
}

const rootPkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const resolutions = Object.fromEntries(
  Object.entries(rootPkg.resolutions ?? {}).filter(([k]) => !isBackstage(k)),
);
for (const name of Object.keys(pinned).sort()) resolutions[name] = pinned[name];
rootPkg.resolutions = resolutions;
writeFileSync(
  join(root, 'package.json'),
  `${JSON.stringify(rootPkg, null, 2)}\n`,
);
console.log(`pinned ${Object.keys(pinned).length} @backstage packages`);
