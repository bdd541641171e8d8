import { isAbsolute, relative, sep } from 'node:path';

/** `to` relative to `from` with forward slashes, or null when `to` is outside `from`. */
export function relativeInside(from: string, to: string): string | null {
  const rel = relative(from, to);
  if (rel === '') return '.';
  if (rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel))
    return null;
  return rel.split(sep).join('/');
}

/** A path as the user should see it in messages: relative to the working directory when inside it. */
export function displayPath(cwd: string, path: string): string {
  return relativeInside(cwd, path) ?? path;
}
