#!/usr/bin/env node
// The adoption check: does the plugin family install into a fresh Backstage app, following
// the README alone, without duplicating the app's packages, and work there?
//
//  1. builds and packs every published (non-private) workspace, as for npm;
//  2. generates an app with @backstage/create-app (pinned) and pins it to the Backstage
//     release this repository tests with (scripts/pin-backstage-release.mjs);
//  3. follows the README's install steps (readme.mjs, install.mjs): its `yarn add`s,
//     with the tarballs standing in for the npm registry (the app's root `resolutions` point
//     every published package at its tarball, so dependencies between them resolve too), its
//     backend.add(import(...)) lines, its app-config; fails when that adds a second version
//     of any package the app already had (yarn.lock before and after);
//  4. type-checks the app (`yarn tsc`), starts it (`yarn start`: the README's step 4, the
//     development servers, faster to a first page than a production build), registers a Rust
//     service, pushes a report with the packed CLI and checks the entity tab, the policy
//     page and the pre-warm page in Chromium.
//
// Usage (from the repository root, after `source scripts/env.sh`):
//   node scripts/adoption-check/run.mjs [--create-app VERSION] [--pin repo|none] [--keep]
// --create-app latest --pin none tries the newest create-app as it comes (with its yarn.lock
// seed, where GitHub is reachable). --keep leaves the app in place (its path is printed).
import {
  mkdtempSync,
  readFileSync,
  rmSync,
  mkdirSync,
  copyFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { publishedWorkspaces, packArgs } from '../check-published-packages.mjs';
import { root, run, setLogFile, yarnEnv } from './proc.mjs';
import { annotationExample, installSteps } from './readme.mjs';
import {
  checkNoSecondVersions,
  installAsReadme,
  tarballPath,
} from './install.mjs';
import * as app from './app.mjs';
import * as web from './browser.mjs';
import { freePort, pushReport } from './ci.mjs';

const BUDGET_MS = 10 * 60_000;
const { values: opts } = parseArgs({
  options: {
    'create-app': { type: 'string', default: '0.9.2' },
    pin: { type: 'string', default: 'repo' },
    keep: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (opts.help) {
  console.log(`Usage: node scripts/adoption-check/run.mjs [options]   (after source scripts/env.sh)

Generates a fresh Backstage app, installs this repository's packed packages into it as the
README's install section says, fails on any second version of a package the app had,
type-checks and starts the app on free ports, pushes a report with the packed CLI and checks
the Build cache tab, the policy page and the pre-warm page in Chromium. Prints each phase's time.

  --create-app VERSION  @backstage/create-app version to generate with (default 0.9.2;
                        "latest" for the newest)
  --pin repo|none       repo (default): pin the app to the Backstage release this repository
                        tests (scripts/pin-backstage-release.mjs); none: keep what create-app
                        resolves (with its yarn.lock seed, where GitHub is reachable)
  --keep                keep the temporary directory (app, logs) and print its path
  -h, --help            this text

Environment: CHROMIUM_PATH (default /usr/bin/chromium).`);
  process.exit(0);
}
if (!['repo', 'none'].includes(opts.pin)) {
  console.error('--pin must be "repo" or "none"');
  process.exit(2);
}

const workDir = mkdtempSync(join(tmpdir(), 'rbc-adoption-'));
const appDir = join(workDir, 'app');
const tarballDir = join(workDir, 'packs');
const logFile = join(workDir, 'adoption-check.log');
setLogFile(logFile);
const phases = [];
const started = Date.now();
const cleanups = [];

/** Runs one named phase: prints it, times it, and names it in the error when it fails. */
async function phase(name, fn) {
  console.log(`\n=== adoption check: ${name}`);
  const t0 = Date.now();
  try {
    return await fn();
  } catch (e) {
    e.phase ??= name;
    throw e;
  } finally {
    phases.push({ name, ms: Date.now() - t0 });
  }
}

async function main() {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const steps = installSteps(readme);
  const published = publishedWorkspaces();

  // Building and packing (CPU) runs alongside generating and resolving the app (mostly
  // network and disk).
  const packed = (async () => {
    await phase('build the published packages', async () => {
      // Declarations come from the repository's type check (dist-types/).
      await run('yarn', ['tsc'], { cwd: root, env: yarnEnv });
      await run('yarn', ['backstage-cli', 'repo', 'build'], {
        cwd: root,
        env: yarnEnv,
      });
    });
    await phase('pack them (yarn pack)', async () => {
      mkdirSync(tarballDir);
      await run('yarn', packArgs(tarballDir), { cwd: root, env: yarnEnv });
      for (const { name } of published) {
        const files = await run('tar', ['tzf', tarballPath(tarballDir, name)], {
          cwd: root,
          quiet: true,
        });
        if (!files.split('\n').some(f => f.startsWith('package/dist/')))
          throw new Error(
            `${name}: the packed tarball has no dist/ (was it built?)`,
          );
      }
      console.log(`  packed ${published.map(p => p.name).join(', ')}`);
    });
  })();

  const resolved = (async () => {
    await phase(
      `generate an app (@backstage/create-app@${opts['create-app']})`,
      () => app.generateApp(appDir, opts['create-app'], process.env),
    );
    if (opts.pin === 'repo')
      await phase('pin it to the Backstage release this repository tests', () =>
        app.pinApp(appDir, workDir, process.env),
      );
    return phase(
      'resolve the app as generated (yarn.lock before)',
      async () => {
        app.skipUnusedNativeBuilds(appDir);
        await run('yarn', ['install', '--mode=update-lockfile'], {
          cwd: appDir,
          env: yarnEnv,
          retryNetwork: true,
        });
        // Kept next to the app (--keep) to compare by hand.
        copyFileSync(
          join(appDir, 'yarn.lock'),
          join(workDir, 'yarn.lock.before'),
        );
        return readFileSync(join(appDir, 'yarn.lock'), 'utf8');
      },
    );
  })();

  // Both settle before going on, so that a failure of one does not leave the other running.
  const [packResult, before] = await Promise.allSettled([packed, resolved]);
  for (const r of [packResult, before])
    if (r.status === 'rejected') throw r.reason;
  const lockBefore = before.value;

  await phase('install the packages as the README says (yarn add)', () =>
    installAsReadme({
      appDir,
      tarballDir,
      steps,
      published,
      started,
      addCleanup: cleanup => cleanups.push(cleanup),
    }),
  );

  await phase('no second version of any package the app already had', () =>
    checkNoSecondVersions({ appDir, lockBefore }),
  );

  await phase('link and build the app (yarn install)', async () => {
    const better = await app.betterSqlitePrebuildEnv(
      readFileSync(join(appDir, 'yarn.lock'), 'utf8'),
      workDir,
    );
    await run('yarn', ['install'], {
      cwd: appDir,
      env: { ...yarnEnv, ...better },
    });
  });

  const service = await phase(
    'wire the backend, the app-config and a Rust service (README steps)',
    async () => {
      app.wireBackend(appDir, steps.backendImports);
      return app.addRustService(appDir, annotationExample(readme));
    },
  );

  await phase('type-check the app (yarn tsc)', () =>
    run('yarn', ['tsc'], { cwd: appDir, env: yarnEnv }),
  );

  const ports = { frontend: await freePort(), backend: await freePort() };
  const token = `adoption-${Math.random().toString(36).slice(2)}${Date.now()}`;
  const config = app.writeConfigs(appDir, steps.configs, ports);
  const server = await phase(
    `start it (yarn start, frontend :${ports.frontend}, backend :${ports.backend})`,
    async () => {
      const s = app.startApp(
        appDir,
        config.files,
        { ...yarnEnv, RUST_BUILD_CACHE_TOKEN: token },
        join(workDir, 'yarn-start.log'),
      );
      cleanups.push(() => s.stop());
      await app.waitForUrl(
        `${config.backend}/api/rust-build-cache/health`,
        s,
        300_000,
      );
      await app.waitForUrl(config.frontend, s, 420_000);
      return s;
    },
  );

  const screenshots = join(root, 'node_modules/.cache/adoption-check');
  mkdirSync(screenshots, { recursive: true });
  const { browser, page, shot } = await web.openBrowser(
    config.frontend,
    screenshots,
  );
  cleanups.push(() => browser.close());
  try {
    await phase(`the catalog shows ${service.name}`, () =>
      web.waitForEntityPage(page, service.name),
    );
    const runId = `adoption-${Date.now()}`;
    await phase(
      'push a report with the packed CLI (rust-build-cache collect, push)',
      () =>
        pushReport({
          service,
          runId,
          backendUrl: config.backend,
          token,
          appDir,
          workDir,
        }),
    );
    await phase('Chromium: the Build cache tab shows the run', async () => {
      await web.checkEntityTab(page, service.name, runId);
      await shot('entity-tab');
    });
    await phase('Chromium: the policy page scores the service', async () => {
      await web.checkPolicyPage(page, service.name);
      await shot('policy-page');
    });
    await phase('Chromium: the pre-warm page', async () => {
      await web.checkPrewarmPage(page);
      await shot('prewarm-page');
    });
  } catch (e) {
    await shot('failure').catch(() => {});
    e.message += `\n  screenshots: ${screenshots}; yarn start's last output:\n${server.tail()}`;
    throw e;
  }
}

async function cleanup() {
  for (const fn of cleanups.reverse())
    await fn().catch(e => console.error(`cleanup: ${e.message}`));
  if (opts.keep)
    console.log(`\nkept ${workDir} (app in ${appDir}, log ${logFile})`);
  else rmSync(workDir, { recursive: true, force: true });
}

function summary() {
  const total = Date.now() - started;
  console.log('\n=== adoption check: phase timings');
  for (const p of phases)
    console.log(`  ${(p.ms / 1000).toFixed(1).padStart(7)} s  ${p.name}`);
  console.log(
    `  ${(total / 1000).toFixed(1).padStart(7)} s  total${
      total > BUDGET_MS ? ` (over the ${BUDGET_MS / 60_000}-minute budget)` : ''
    }`,
  );
}

for (const signal of ['SIGINT', 'SIGTERM'])
  process.on(signal, async () => {
    console.error(`\nadoption check: ${signal}, cleaning up`);
    await cleanup();
    process.exit(130);
  });

try {
  await main();
  summary();
  console.log('\nadoption check: PASSED');
  await cleanup();
} catch (e) {
  summary();
  console.error(
    `\nadoption check FAILED in step "${e.phase ?? 'setup'}":\n${
      e.message
    }\n(full log: ${opts.keep ? logFile : 'rerun with --keep to keep it'})`,
  );
  if (!opts.keep) {
    // Keep the log of a failed run next to the screenshots.
    try {
      mkdirSync(join(root, 'node_modules/.cache/adoption-check'), {
        recursive: true,
      });
      copyFileSync(
        logFile,
        join(root, 'node_modules/.cache/adoption-check/adoption-check.log'),
      );
      console.error(
        `(log copied to node_modules/.cache/adoption-check/adoption-check.log)`,
      );
    } catch {
      /* no log yet */
    }
  }
  await cleanup();
  process.exit(1);
}
