/**
 * A Cargo workspace's path inside its repository as stored and matched: reports and
 * catalog annotations are written by hand, so `./a/`, `a` and `a//` name the same
 * workspace, and the root is `.`. Only empty and `.` segments are dropped.
 * @public
 */
export function normaliseWorkspacePath(workspacePath: string): string {
  const segments = workspacePath
    .trim()
    .split('/')
    .filter(segment => segment !== '' && segment !== '.');
  return segments.length ? segments.join('/') : '.';
}
