import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Text of a file under `src/__fixtures__/`. */
export function readFixture(relativePath: string): string {
  return readFileSync(
    join(__dirname, '..', '__fixtures__', relativePath),
    'utf8',
  );
}

/** Absolute path of a file under `src/__fixtures__/`. */
export function fixturePath(relativePath: string): string {
  return join(__dirname, '..', '__fixtures__', relativePath);
}
