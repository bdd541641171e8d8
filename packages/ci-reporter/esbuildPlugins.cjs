// @ts-check
/*
 * esbuild plugins for bundles of the CLI (the GitHub Action's dist/, bench/cli.ts).
 */
const path = require('node:path');

/**
 * Bundles zod with its English messages only. zod's index re-exports all of its ~50 locales
 * (`z.locales`): 366 kB of the CLI's 966 kB bundle, compiled and initialised by every run of
 * a CI step. The CLI never switches locale; zod's default, English, is imported by zod itself
 * and stays. `z.locales` keeps only `en`.
 *
 * @type {import('esbuild').Plugin}
 */
const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(build) {
    build.onResolve({ filter: /\/locales\/index\.js$/ }, args => {
      if (!/[\\/]node_modules[\\/]zod[\\/]/.test(args.importer))
        return undefined;
      return {
        // Named in the bundle's comments: no absolute path, so the bundle is the same in
        // every checkout (actions/report/build.mjs --check compares it).
        path: 'zod/v4/locales/index.js',
        namespace: 'zod-english-only',
        pluginData: {
          dir: path.resolve(args.resolveDir, path.dirname(args.path)),
        },
      };
    });
    build.onLoad({ filter: /.*/, namespace: 'zod-english-only' }, args => ({
      contents: "export { default as en } from './en.js';\n",
      resolveDir: args.pluginData.dir,
      loader: 'js',
    }));
  },
};

const NODE_SHA256_HEX = `import { createHash } from 'node:crypto';
/** Lowercase hex sha256 of the UTF-8 bytes of \`text\` (node's, bundled by esbuildPlugins.cjs). */
export function sha256Hex(text) {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
`;

/**
 * Hashes with node's sha256 instead of @noble/hashes' JavaScript one. The common package's
 * `sha256Hex` is isomorphic (it also runs in the browser), but a CLI run hashes its
 * Cargo.lock's ~100 kB of package tuples once, in code V8 has not optimised yet: 10–20 ms
 * of a `collect` in JavaScript, well under 1 ms in node's OpenSSL. Same function, same
 * digests (`esbuildPlugins.test.ts` compares them).
 *
 * @type {import('esbuild').Plugin}
 */
const nodeSha256 = {
  name: 'node-sha256',
  setup(build) {
    build.onResolve({ filter: /[\\/]sha256Hex$/ }, args => {
      if (!/[\\/]rust-build-cache-common[\\/]src[\\/]/.test(args.importer))
        return undefined;
      return {
        path: 'rust-build-cache-common/sha256Hex',
        namespace: 'node-sha256',
      };
    });
    build.onLoad({ filter: /.*/, namespace: 'node-sha256' }, () => ({
      contents: NODE_SHA256_HEX,
      loader: 'js',
    }));
  },
};

module.exports = { zodEnglishOnly, nodeSha256 };
