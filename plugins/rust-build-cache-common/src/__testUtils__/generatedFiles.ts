import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';

const PACKAGE_DIR = `${__dirname}/../..`;

/**
 * Fails when a committed generated file differs from what the code generates, and says how
 * to regenerate it. With RBC_UPDATE_GENERATED=1 it writes the file instead.
 */
export function expectGeneratedFileUpToDate(
  file: string,
  generated: string,
): void {
  if (process.env.RBC_UPDATE_GENERATED === '1') writeFileSync(file, generated);
  const committed = existsSync(file) ? readFileSync(file, 'utf8') : null;
  if (committed !== generated) {
    throw new Error(
      `${relative(
        PACKAGE_DIR,
        file,
      )} is out of date with the code that generates it. Regenerate it with\n` +
        '  yarn workspace @rust-build-cache/plugin-rust-build-cache-common generate\n' +
        'and commit the result.',
    );
  }
}
