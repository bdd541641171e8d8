/**
 * Entity refs are compared case-insensitively in Backstage; this plugin stores and compares
 * them lower case. The one place that says how.
 */
export function normalizeEntityRef(entityRef: string): string {
  return entityRef.toLocaleLowerCase('en-US');
}
