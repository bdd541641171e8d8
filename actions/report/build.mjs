#!/usr/bin/env node
// Bundles the action (and the CLI it runs) into dist/main.js and dist/post.js, which are
// committed: a JavaScript action runs from the repository with nothing installed.
//   node actions/report/build.mjs            writes dist/
//   node actions/report/build.mjs --check    fails when dist/ differs from the sources
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const here = new URL('.', import.meta.url).pathname;
const { zodEnglishOnly, nodeSha256 } = createRequire(import.meta.url)(
  '../../packages/ci-reporter/esbuildPlugins.cjs',
);
const check = process.argv.includes('--check');
const outdir = check
  ? mkdtempSync(join(tmpdir(), 'rbc-action-'))
  : join(here, 'dist');

await build({
  entryPoints: {
    main: join(here, 'src/main.ts'),
    post: join(here, 'src/post.ts'),
  },
  outdir,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  legalComments: 'none',
  logLevel: 'warning',
  // The CLI's bin runs its TypeScript through Backstage's transform; bundled, it is plain JS.
  tsconfig: join(here, '../../tsconfig.json'),
  plugins: [zodEnglishOnly, nodeSha256],
});

if (check) {
  let stale = false;
  for (const name of ['main.js', 'post.js']) {
    const fresh = readFileSync(join(outdir, name), 'utf8');
    let committed = '';
    try {
      committed = readFileSync(join(here, 'dist', name), 'utf8');
    } catch {}
    if (fresh !== committed) {
      console.error(
        `actions/report/dist/${name} is stale: run node actions/report/build.mjs and commit it`,
      );
      stale = true;
    }
  }
  rmSync(outdir, { recursive: true, force: true });
  if (stale) process.exit(1);
  console.log('actions/report/dist is up to date');
}
