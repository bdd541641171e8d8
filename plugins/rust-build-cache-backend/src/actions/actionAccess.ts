import {
  AuthService,
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  AuthorizeResult,
  BasicPermission,
} from '@backstage/plugin-permission-common';
import { rustBuildCacheReadPermission } from '@rust-build-cache/plugin-rust-build-cache-common';
import { normalizeEntityRef } from '../catalog';

/**
 * Who may call an action. The actions registry checks no permission itself, so every
 * action starts here, with the credentials the registry hands it (the user or service
 * that called the MCP server or the registry's HTTP endpoint).
 */
export class ActionAccess {
  constructor(
    private readonly deps: {
      auth: AuthService;
      permissions: PermissionsService;
      catalog: CatalogService;
    },
  ) {}

  /** NotAllowedError unless the caller holds `rust-build-cache.reports.read`. */
  async requireRead(credentials: BackstageCredentials): Promise<void> {
    await this.requirePermission(credentials, rustBuildCacheReadPermission);
  }

  /**
   * The read permission, and the entity as the catalog shows it to the caller: an entity
   * the caller may not see is answered like one that does not exist.
   */
  async requireReadableEntity(
    credentials: BackstageCredentials,
    entityRef: string,
  ): Promise<{ entityRef: string; entity: CompoundEntityRef }> {
    await this.requireRead(credentials);
    const entity = parseEntityRefInput(entityRef);
    const ref = normalizeEntityRef(stringifyEntityRef(entity));
    const found = await this.deps.catalog.getEntityByRef(ref, { credentials });
    if (!found) {
      throw new NotFoundError(
        `No catalog entity ${ref}, or you may not read it. Pass a ref such as component:default/billing-api.`,
      );
    }
    return { entityRef: ref, entity };
  }

  /** Entity refs among `entityRefs` that the catalog shows the caller, in their order. */
  async filterReadableEntities(
    credentials: BackstageCredentials,
    entityRefs: string[],
  ): Promise<Set<string>> {
    if (entityRefs.length === 0) return new Set();
    const { items } = await this.deps.catalog.getEntitiesByRefs(
      { entityRefs, fields: ['kind', 'metadata.namespace', 'metadata.name'] },
      { credentials },
    );
    return new Set(
      items.flatMap(item =>
        item ? [normalizeEntityRef(stringifyEntityRef(item))] : [],
      ),
    );
  }

  /**
   * For actions that change state: a signed-in user holding `permission`. Services
   * (CI tokens, other plugins acting on their own) are refused even when the permission
   * policy would allow them, as the plugin's HTTP routes refuse them.
   */
  async requireUserWith(
    credentials: BackstageCredentials,
    permission: BasicPermission,
    actionName: string,
  ): Promise<BackstageCredentials<{ type: 'user'; userEntityRef: string }>> {
    if (!this.deps.auth.isPrincipal(credentials, 'user')) {
      throw new NotAllowedError(
        `${actionName} is for signed-in users only; a service token cannot call it`,
      );
    }
    await this.requirePermission(credentials, permission);
    return credentials;
  }

  private async requirePermission(
    credentials: BackstageCredentials,
    permission: BasicPermission,
  ): Promise<void> {
    const [decision] = await this.deps.permissions.authorize([{ permission }], {
      credentials,
    });
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(`Missing permission ${permission.name}`);
    }
  }
}

/** An entity ref as a model writes it; kind defaults to Component, namespace to default. */
function parseEntityRefInput(value: string): CompoundEntityRef {
  try {
    return parseEntityRef(value.trim(), {
      defaultKind: 'Component',
      defaultNamespace: 'default',
    });
  } catch (error) {
    throw new InputError(
      `entityRef: "${value}" is not an entity ref (expected kind:namespace/name, e.g. component:default/billing-api): ${error}`,
    );
  }
}
