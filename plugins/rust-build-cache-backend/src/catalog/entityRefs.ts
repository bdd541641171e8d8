import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { normalizeEntityRef } from '@rust-build-cache/plugin-rust-build-cache-common';

export { normalizeEntityRef };

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
