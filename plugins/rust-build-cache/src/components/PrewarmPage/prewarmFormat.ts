import cronstrue from 'cronstrue';
import type {
  PrewarmScope,
  WarmGroupKey,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import { formatSeconds, NOT_AVAILABLE } from '../../format';

/** A five-field cron expression in words, e.g. "At 03:00, Monday through Friday". */
export function cronInWords(cron: string): string | null {
  try {
    return cronstrue.toString(cron, {
      use24HourTimeFormat: true,
      throwExceptionOnParseError: true,
    });
  } catch {
    return null;
  }
}

/** The first 12 characters of a hash: enough to tell groups apart on screen. */
export function shortHash(hash: string | null | undefined): string {
  return hash ? hash.slice(0, 12) : NOT_AVAILABLE;
}

/** Which entities a scope selects, in words. */
export function scopeSummary(scope: PrewarmScope): string {
  const parts: string[] = [];
  if (scope.owners.length) parts.push(`owners ${scope.owners.join(', ')}`);
  if (scope.tags.length) parts.push(`tags ${scope.tags.join(', ')}`);
  if (scope.entityRefs.length) {
    parts.push(`entities ${scope.entityRefs.join(', ')}`);
  }
  return parts.length
    ? parts.join('; ')
    : 'every entity with build-cache reports';
}

/** The time between two ISO timestamps, or "running for …" up to now when it has not ended. */
export function formatDuration(
  startedAt: string | null,
  finishedAt: string | null,
  now: number = Date.now(),
): string {
  if (!startedAt) return NOT_AVAILABLE;
  const start = new Date(startedAt).getTime();
  const end = finishedAt ? new Date(finishedAt).getTime() : now;
  if (Number.isNaN(start) || Number.isNaN(end)) return NOT_AVAILABLE;
  return formatSeconds(Math.max(0, (end - start) / 1000));
}

/** One line naming a group's build: `1.95.0 · x86_64-unknown-linux-gnu · dev`. */
export function keyHeadline(key: WarmGroupKey): string {
  return `rustc ${key.rustc} · ${key.target} · ${key.profile}`;
}

/** `component:default/billing-api` → `billing-api` (kind and default namespace dropped). */
export function shortEntityRef(ref: string): string {
  const match = /^([^:]+:)?(?:default\/)?(.+)$/.exec(ref);
  return match ? match[2] : ref;
}
