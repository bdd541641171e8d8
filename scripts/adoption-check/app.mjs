// The generated app: create it, pin it, install the packed packages into it as the README
// says, wire the backend, configure ports and the demo entity, start it.
import { spawn } from 'node:child_process';
import {
  appendFileSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { run, root } from './proc.mjs';

const requireRoot = createRequire(join(root, 'package.json'));
const YAML = requireRoot('yaml');

/**
 * The cutoff this repository's root resolutions were derived with (together with the versions
 * of @backstage/create-app 0.9.2, i.e. Backstage 1.55.0): pin-backstage-release.mjs takes, for
 * a package neither the app nor the repository names, the highest version published before it.
 */
export const RELEASE_CUTOFF = '2026-09-17T00:00:00Z';

/**
 * Native addons of the generated app that nothing the check runs loads: swagger's
 * tree-sitter parsers (api-docs), ssh2's cpu-features, keytar. The repository's own root
 * package.json skips the same builds (dependenciesMeta); without a network path to their
 * prebuilt binaries they compile from source, minutes on a 2-core machine.
 */
const UNUSED_NATIVE_BUILDS = ['tree-sitter', 'cpu-features', 'keytar', 'ssh2'];

export function readJson(file) {
  return JSON.parse(readFileSync(file, 'utf8'));
}
export function writeJson(file, value) {
  writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
}

/** Runs @backstage/create-app non-interactively into `appDir`. */
export async function generateApp(appDir, createAppVersion, env) {
  await run(
    'npx',
    [
      '--yes',
      `@backstage/create-app@${createAppVersion}`,
      '--skip-install',
      '--path',
      appDir,
    ],
    {
      cwd: join(appDir, '..'),
      env: {
        ...env,
        BACKSTAGE_APP_NAME: 'adoption-app',
        npm_config_prefer_offline: 'true',
        npm_config_update_notifier: 'false',
      },
    },
  );
  for (const f of [
    'package.json',
    'packages/app/package.json',
    'packages/backend/src/index.ts',
  ])
    if (!existsSync(join(appDir, f)))
      throw new Error(`create-app wrote no ${f} in ${appDir}`);
}

/**
 * Pins the app's @backstage packages to the release this repository tests with, with the
 * repository's pin script: the versions create-app wrote (its direct dependencies), with the
 * repository's own root resolutions on top, and RELEASE_CUTOFF for the rest.
 */
export async function pinApp(appDir, workDir, env) {
  const manifest = {};
  for (const file of [
    'package.json',
    'packages/app/package.json',
    'packages/backend/package.json',
  ]) {
    const pkg = readJson(join(appDir, file));
    for (const field of ['dependencies', 'devDependencies'])
      for (const [name, range] of Object.entries(pkg[field] ?? {}))
        if (name.startsWith('@backstage/') && /^\^\d+\.\d+\.\d+$/.test(range))
          manifest[name] = range.slice(1);
  }
  for (const [name, version] of Object.entries(
    readJson(join(root, 'package.json')).resolutions,
  ))
    if (name.startsWith('@backstage/')) manifest[name] = version;
  const manifestFile = join(workDir, 'backstage-release-manifest.json');
  writeJson(manifestFile, manifest);
  await run(
    'node',
    [
      join(root, 'scripts/pin-backstage-release.mjs'),
      '--root',
      appDir,
      RELEASE_CUTOFF,
      manifestFile,
    ],
    { cwd: appDir, env },
  );
}

/** Skips native builds nothing in the check loads (see UNUSED_NATIVE_BUILDS). */
export function skipUnusedNativeBuilds(appDir) {
  const file = join(appDir, 'package.json');
  const pkg = readJson(file);
  pkg.dependenciesMeta = { ...pkg.dependenciesMeta };
  for (const name of UNUSED_NATIVE_BUILDS)
    pkg.dependenciesMeta[name] = { built: false };
  writeJson(file, pkg);
}

/**
 * Environment that lets the app's better-sqlite3 install script (prebuild-install) take the
 * binary this repository's install compiled, when both have the same version (same Node, same
 * machine): a prebuilt binary, as prebuild-install would download from GitHub elsewhere.
 * Otherwise nothing: the app compiles its own.
 */
export async function betterSqlitePrebuildEnv(appLockText, workDir) {
  const repoPkg = join(root, 'node_modules/better-sqlite3');
  const binary = join(repoPkg, 'build/Release/better_sqlite3.node');
  if (!existsSync(binary)) return {};
  const { version } = readJson(join(repoPkg, 'package.json'));
  if (!appLockText.includes(`resolution: "better-sqlite3@npm:${version}"`)) {
    console.log(
      `better-sqlite3: the app resolves another version than this repository's ${version}; it compiles its own`,
    );
    return {};
  }
  const dir = join(workDir, 'prebuilds');
  const stage = join(dir, 'stage/build/Release');
  mkdirSync(stage, { recursive: true });
  copyFileSync(binary, join(stage, 'better_sqlite3.node'));
  const name = `better-sqlite3-v${version}-node-v${process.versions.modules}-${process.platform}-${process.arch}.tar.gz`;
  await run(
    'tar',
    ['czf', join(dir, name), '-C', join(dir, 'stage'), 'build'],
    { cwd: workDir, quiet: true },
  );
  return { npm_config_better_sqlite3_local_prebuilds: dir };
}

/** Adds `backend.add(import('<name>'))` before `backend.start()`, as the README shows. */
export function wireBackend(appDir, imports) {
  const file = join(appDir, 'packages/backend/src/index.ts');
  const text = readFileSync(file, 'utf8');
  if (!text.includes('\nbackend.start();'))
    throw new Error(
      `${file} has no "backend.start();" line to add the plugin before`,
    );
  const lines = imports
    .map(name => `backend.add(import('${name}'));\n`)
    .join('');
  writeFileSync(
    file,
    text.replace('\nbackend.start();', `\n${lines}\nbackend.start();`),
  );
}

/**
 * Registers a Rust service in the app's catalog (its examples/entities.yaml location) with
 * the annotations of the README's example; returns its name and repository.
 */
export function addRustService(appDir, annotationExampleYaml) {
  const annotations = YAML.parse(annotationExampleYaml)?.metadata?.annotations;
  const slug = annotations?.['github.com/project-slug'];
  if (!slug || !annotations['rust-build-cache/workspace'])
    throw new Error(
      "the README's annotation example names no github.com/project-slug and rust-build-cache/workspace",
    );
  const name = slug.split('/')[1];
  const entity = {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, annotations },
    spec: { type: 'service', lifecycle: 'production', owner: 'guests' },
  };
  appendFileSync(
    join(appDir, 'examples/entities.yaml'),
    `---\n${YAML.stringify(entity)}`,
  );
  return {
    name,
    repository: `github.com/${slug}`,
    workspace: annotations['rust-build-cache/workspace'],
  };
}

/** Config files passed to `yarn start`: the app's, the README's steps, then ports. */
export function writeConfigs(appDir, readmeConfigs, ports) {
  const files = ['app-config.yaml'];
  readmeConfigs.forEach((text, i) => {
    const file = `app-config.readme-${i + 1}.yaml`;
    writeFileSync(join(appDir, file), text);
    files.push(file);
  });
  const frontend = `http://localhost:${ports.frontend}`;
  const backend = `http://localhost:${ports.backend}`;
  writeFileSync(
    join(appDir, 'app-config.adoption.yaml'),
    YAML.stringify({
      app: { baseUrl: frontend },
      backend: {
        baseUrl: backend,
        listen: { port: ports.backend },
        cors: { origin: frontend },
      },
    }),
  );
  files.push('app-config.adoption.yaml');
  return { files, frontend, backend };
}

/**
 * Starts `yarn start` (frontend dev server and backend) in its own process group, output to
 * `logFile`; returns a handle whose stop() kills the whole group.
 */
export function startApp(appDir, configFiles, env, logFile) {
  const args = [
    'start',
    ...configFiles.flatMap(f => ['--config', join(appDir, f)]),
  ];
  const out = [];
  const child = spawn('yarn', args, {
    cwd: appDir,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const onData = chunk => {
    appendFileSync(logFile, chunk);
    out.push(chunk.toString());
    if (out.length > 400) out.splice(0, out.length - 400);
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  let exited = null;
  child.on('exit', code => {
    exited = code ?? 'signal';
  });
  return {
    tail: () => out.join('').split('\n').slice(-60).join('\n'),
    exited: () => exited,
    /**
     * SIGTERM to the whole group (yarn, the CLI's watchers, the backend), SIGKILL to
     * whatever is left after 10 s: the backend outlives yarn, and under load its graceful
     * shutdown may never end.
     */
    async stop() {
      const group = -child.pid;
      const alive = () => {
        try {
          process.kill(group, 0);
          return true;
        } catch {
          return false;
        }
      };
      try {
        process.kill(group, 'SIGTERM');
      } catch {
        return; // already gone
      }
      const until = Date.now() + 10_000;
      while (alive() && Date.now() < until)
        await new Promise(r => setTimeout(r, 250));
      if (alive()) process.kill(group, 'SIGKILL');
    },
  };
}

/** Waits until `url` answers 2xx, failing early when the server process died. */
export async function waitForUrl(url, server, timeoutMs) {
  const until = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < until) {
    if (server.exited() !== null)
      throw new Error(
        `yarn start exited (${server.exited()}) before ${url} answered; its last output:\n${server.tail()}`,
      );
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(5_000) });
      if (res.ok) return;
      last = `HTTP ${res.status}`;
    } catch (e) {
      last = e.cause?.code ?? e.message;
    }
    await new Promise(r => setTimeout(r, 2_000));
  }
  throw new Error(
    `${url} did not answer within ${
      timeoutMs / 1000
    } s (last: ${last}); yarn start's last output:\n${server.tail()}`,
  );
}

/**
 * Removes what installing the tarballs added to Yarn's (global) cache: one zip per package
 * and tarball content, `<scope>-<name>-file-<hash>.zip`, which no later run can reuse.
 */
export function removeTarballCacheEntries(cacheFolder, names, sinceMs) {
  const prefixes = names.map(n => `${n.replace('/', '-')}-file-`);
  for (const file of readdirSync(cacheFolder)) {
    if (!prefixes.some(p => file.startsWith(p))) continue;
    const path = join(cacheFolder, file);
    if (statSync(path).mtimeMs >= sinceMs) rmSync(path, { force: true });
  }
}
