/** Display formats shared by every card, so one number reads the same everywhere. */

/** Shown in place of a value the report or run does not have. */
export const NOT_AVAILABLE = '–';

/** A ratio of 0..1 as a percentage with one decimal, e.g. `0.8734` → `87.3%`. */
export function formatPercent(ratio: number | null | undefined): string {
  if (ratio === null || ratio === undefined) return NOT_AVAILABLE;
  return `${(ratio * 100).toFixed(1)}%`;
}

const BYTE_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];

/** Bytes in binary units (sccache's `SCCACHE_CACHE_SIZE` uses binary units too). */
export function formatBytes(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined) return NOT_AVAILABLE;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${value} B` : `${value.toFixed(1)} ${BYTE_UNITS[unit]}`;
}

/** Seconds as `4.2 s`, `3 min 12 s` or `1 h 5 min`. */
export function formatSeconds(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return NOT_AVAILABLE;
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${Math.round(seconds % 60)} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/** Whole counts with thousands separators. */
export function formatCount(count: number | null | undefined): string {
  if (count === null || count === undefined) return NOT_AVAILABLE;
  return count.toLocaleString('en-US');
}

/** An ISO timestamp as `2026-11-27 16:58 UTC`: CI logs are in UTC, so the table is too. */
export function formatTimestamp(iso: string | null | undefined): string {
  if (!iso) return NOT_AVAILABLE;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** The first 7 characters of a commit hash, as git prints it. */
export function shortCommit(commit: string | null | undefined): string {
  return commit ? commit.slice(0, 7) : NOT_AVAILABLE;
}
