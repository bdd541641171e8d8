import type { CompoundEntityRef } from '@backstage/catalog-model';
import type { ScorecardEntityFilter } from './RustBuildCacheApi';

// The parts of the client's requests that are built from its arguments: entity paths,
// query parameters and JSON bodies.

/** A request init that sends `body` as JSON. */
export function jsonBody(method: 'POST' | 'PUT', body: unknown): RequestInit {
  return {
    method,
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  };
}

/** Each part is encoded on its own: names may hold characters that are special in URLs. */
export function entityPath(entity: CompoundEntityRef): string {
  return `/entities/${[entity.namespace, entity.kind, entity.name]
    .map(encodeURIComponent)
    .join('/')}`;
}

/** The set fields of the entity table's filter as query parameters, in a stable order. */
export function scorecardFilterQuery(
  filter: ScorecardEntityFilter,
): Record<string, string> {
  return definedOnly({
    owner: filter.owner,
    ruleId: filter.ruleId,
    result: filter.result,
    level: filter.level,
  });
}

/** Drops unset and empty values, so they do not reach the server as `?owner=`. */
export function definedOnly(
  values: Record<string, string | undefined>,
): Record<string, string> {
  const defined: Record<string, string> = {};
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined && value !== '') defined[key] = value;
  }
  return defined;
}
