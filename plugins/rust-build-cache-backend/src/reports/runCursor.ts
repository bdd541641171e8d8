import { InputError } from '@backstage/errors';
import { RunCursor } from './ReportStore';

/**
 * The `cursor` of run pages: a run's place in the newest-first order and the position of
 * the page after it, opaque to clients (base64url of the finish time, id and position).
 */
export function encodeRunCursor(
  cursor: RunCursor & { position: number },
): string {
  return Buffer.from(
    JSON.stringify([cursor.finishedAt, cursor.id, cursor.position]),
  ).toString('base64url');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** @throws InputError when `cursor` is not one that {@link encodeRunCursor} made. */
export function decodeRunCursor(cursor: string): RunCursor {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    value = undefined;
  }
  // Cursors of two elements were made before they carried the position.
  if (
    Array.isArray(value) &&
    (value.length === 2 ||
      (value.length === 3 &&
        Number.isSafeInteger(value[2]) &&
        value[2] >= 0)) &&
    typeof value[0] === 'string' &&
    typeof value[1] === 'string' &&
    UUID.test(value[1]) &&
    !Number.isNaN(Date.parse(value[0])) &&
    new Date(value[0]).toISOString() === value[0]
  ) {
    return {
      finishedAt: value[0],
      id: value[1],
      ...(value.length === 3 ? { position: value[2] } : {}),
    };
  }
  throw new InputError(
    'Invalid cursor: pass the nextCursor of a previous page of runs',
  );
}
