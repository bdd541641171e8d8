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

module.exports = { zodEnglishOnly };
