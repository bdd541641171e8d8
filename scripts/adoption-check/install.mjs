// Installing the packed packages into the generated app as the README says, and the
// check that doing so added no second version of a package the app already had.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as app from './app.mjs';
import { addedVersions, lockfileVersions } from './lockfile.mjs';
import { root, run, yarnEnv } from './proc.mjs';

/** The tarball that `yarn pack` (packArgs) writes for the package `name`. */
export function tarballPath(tarballDir, name) {
  return join(tarballDir, `${name.replace('/', '-')}.tgz`);
}

/**
 * The README's `yarn add`s (`steps.adds`), the CLI and every published package no step
 * installs, from the tarballs. Resolution only (--mode=update-lockfile): yarn.lock comes
 * out as with plain `yarn add`s, and the app is linked once, later. The tarballs stand in
 * for the npm registry, also for the packages' dependencies on each other. `addCleanup`
 * gets the removal of the tarballs' entries from Yarn's cache, packed after `started`.
 */
export async function installAsReadme({
  appDir,
  tarballDir,
  steps,
  published,
  started,
  addCleanup,
}) {
  const cacheFolder = (
    await run('yarn', ['config', 'get', 'cacheFolder'], {
      cwd: appDir,
      env: yarnEnv,
      quiet: true,
    })
  ).trim();
  addCleanup(async () =>
    app.removeTarballCacheEntries(
      cacheFolder,
      published.map(p => p.name),
      started,
    ),
  );
  const rootPkg = app.readJson(join(appDir, 'package.json'));
  for (const { name } of published)
    rootPkg.resolutions = {
      ...rootPkg.resolutions,
      [name]: `file:${tarballPath(tarballDir, name)}`,
    };
  app.writeJson(join(appDir, 'package.json'), rootPkg);

  const knownNames = new Set(published.map(p => p.name));
  const added = new Set();
  // One `yarn add` per README command, with all of its packages.
  const add = async (cwd, dev, names) => {
    for (const name of names)
      if (!knownNames.has(name))
        throw new Error(
          `the README installs ${name}, which is not a published package of this repository`,
        );
    const args = [
      'add',
      ...(dev ? ['-D'] : []),
      '--mode=update-lockfile',
      ...names.map(name => `${name}@file:${tarballPath(tarballDir, name)}`),
    ];
    await run('yarn', args, {
      cwd: join(appDir, cwd),
      env: yarnEnv,
      retryNetwork: true,
    });
    for (const name of names) added.add(name);
  };
  for (const step of steps.adds) await add(step.cwd, step.dev, step.names);
  // The CLI, as CI installs it (packages/ci-reporter README: a dev dependency).
  const cli = published.find(
    p => app.readJson(join(root, p.dir, 'package.json')).bin,
  );
  if (!cli)
    throw new Error('no published package has a "bin": where is the CLI?');
  if (!added.has(cli.name)) await add('.', true, [cli.name]);
  // Published packages no step installs (modules, say) still must not duplicate anything:
  // installed where their role belongs, reported, not wired.
  const lock = readFileSync(join(appDir, 'yarn.lock'), 'utf8');
  const unstepped = new Map(); // workspace -> names, one `yarn add` each
  for (const { dir, name } of published) {
    if (lock.includes(`resolution: "${name}@`)) continue;
    const role =
      app.readJson(join(root, dir, 'package.json')).backstage?.role ?? '';
    const target =
      role.startsWith('frontend') || role === 'web-library'
        ? 'packages/app'
        : 'packages/backend';
    console.log(
      `  note: no README install step installs ${name}; adding it to ${target} for the duplicate check only`,
    );
    unstepped.set(target, [...(unstepped.get(target) ?? []), name]);
  }
  for (const [target, names] of unstepped) await add(target, false, names);
}

/**
 * Fails when the app's yarn.lock has a second version of any package it had in
 * `lockBefore`, with `yarn why` of each.
 */
export async function checkNoSecondVersions({ appDir, lockBefore }) {
  const after = readFileSync(join(appDir, 'yarn.lock'), 'utf8');
  const problems = addedVersions(
    lockfileVersions(lockBefore),
    lockfileVersions(after),
  );
  if (problems.length === 0) return console.log('  none added');
  const lines = [];
  for (const p of problems) {
    lines.push(
      `  ${p.name}: the app had ${p.before.join(
        ', ',
      )}; installing the packages added ${p.added.join(', ')}`,
    );
    const why = await run('yarn', ['why', p.name], {
      cwd: appDir,
      env: yarnEnv,
      quiet: true,
    }).catch(e => e.message);
    lines.push(
      ...why
        .trimEnd()
        .split('\n')
        .slice(0, 12)
        .map(l => `      ${l}`),
    );
  }
  throw new Error(
    `installing the packages duplicated ${
      problems.length
    } package(s) of the app:\n${lines.join('\n')}`,
  );
}
