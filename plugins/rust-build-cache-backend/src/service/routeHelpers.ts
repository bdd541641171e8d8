import {
  BackstageCredentials,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
} from '@backstage/plugin-permission-common';
import { Request } from 'express';
import { z } from 'zod';

/** Checks one permission for the caller of a request, shared by the plugin's routers. */
export type RequirePermission = (
  req: Request,
  permission: BasicPermission,
) => Promise<BackstageCredentials>;

/**
 * The caller's credentials if it holds `permission`, else a NotAllowedError (403) naming
 * the permission it lacks.
 */
export function createRequirePermission(options: {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
}): RequirePermission {
  const { httpAuth, permissions } = options;
  return async (req, permission) => {
    const credentials = await httpAuth.credentials(req);
    const [decision] = await permissions.authorize([{ permission }], {
      credentials,
    });
    if (decision.result === AuthorizeResult.DENY) {
      throw new NotAllowedError(`Missing permission ${permission.name}`);
    }
    return credentials;
  };
}

/**
 * `input` parsed by `schema`, or an InputError (400) listing every field that is wrong,
 * one per line: `Invalid query parameters:\nlimit: ...`.
 */
export function parseRequest<T extends z.ZodType>(
  schema: T,
  input: unknown,
  where: 'path' | 'query' | 'body',
): z.infer<T> {
  const result = schema.safeParse(input);
  if (!result.success) {
    const issues = result.error.issues.map(
      issue =>
        `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`,
    );
    throw new InputError(
      `Invalid ${
        where === 'body' ? 'body' : `${where} parameters`
      }:\n${issues.join('\n')}`,
    );
  }
  return result.data;
}

/** Who acted, for audit fields: the user's entity ref, or the calling service's subject. */
export function actorOf(credentials: BackstageCredentials): string {
  const principal = credentials.principal as {
    type?: string;
    userEntityRef?: string;
    subject?: string;
  };
  if (principal.type === 'user' && principal.userEntityRef) {
    return principal.userEntityRef;
  }
  if (principal.type === 'service' && principal.subject) {
    return principal.subject;
  }
  return 'unknown';
}
