import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';

/**
 * Entity refs are compared case-insensitively in Backstage; this plugin stores and compares
 * them lower case. The one place that says how.
 */
export function normalizeEntityRef(entityRef: string): string {
  return entityRef.toLocaleLowerCase('en-US');
}

/**
 * `value` as a normalized entity ref, or an InputError naming `field`: the ref a resource
 * permission is checked against must be the one the plugin stores.
 */
export function parseEntityRefField(value: string, field: string): string {
  try {
    return normalizeEntityRef(stringifyEntityRef(parseEntityRef(value.trim())));
  } catch (error) {
    throw new InputError(
      `Invalid body:\n${field}: is not an entity ref: ${error}`,
    );
  }
}
