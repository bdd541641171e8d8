import {
  AuditorService,
  AuditorServiceCreateEventOptions,
  BackstageCredentials,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError, isError, NotAllowedError } from '@backstage/errors';
import {
  AuthorizePermissionRequest,
  AuthorizeResult,
  BasicPermission,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import { Request } from 'express';
import { z } from 'zod';

/** The kinds of caller a route accepts: who may do what is decided here, in one place. */
export type CallerKind = 'user' | 'service';

/** Why a caller of the other kind is refused (403), by the kinds a route accepts. */
const REFUSALS: Record<string, string> = {
  user: 'This action is for signed-in users; service tokens may only push reports',
  service:
    'Reports are pushed by CI with a service token; signed-in users cannot push them',
};

/** A permission check: a basic permission, or a catalog-entity one with the entity's ref. */
export type PermissionRequest =
  | { permission: BasicPermission; resourceRef?: undefined }
  | { permission: ResourcePermission<'catalog-entity'>; resourceRef: string };

/**
 * The caller's credentials if it is of a kind in `allow` and holds the permission (if
 * one is given), else NotAllowedError (403) saying which: a caller of the wrong kind, or
 * the permission it lacks. Shared by the plugin's routers.
 */
export type Authorize = (
  req: Request,
  allow: CallerKind[],
  check?: PermissionRequest,
) => Promise<BackstageCredentials>;

export function createAuthorize(options: {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
}): Authorize {
  const { httpAuth, permissions } = options;
  return async (req, allow, check) => {
    let credentials: BackstageCredentials;
    try {
      credentials = await httpAuth.credentials(req, { allow });
    } catch (error) {
      const refusal = allow.length === 1 ? REFUSALS[allow[0]] : undefined;
      if (isError(error) && error.name === 'NotAllowedError' && refusal) {
        throw new NotAllowedError(refusal);
      }
      throw error;
    }
    if (!check) return credentials;
    const [decision] = await permissions.authorize(
      [check as AuthorizePermissionRequest],
      { credentials },
    );
    // Only ALLOW passes: a conditional answer (a resource permission asked without its
    // resource) is not a yes.
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `Missing permission ${check.permission.name}${
          check.resourceRef ? ` for ${check.resourceRef}` : ''
        }`,
      );
    }
    return credentials;
  };
}

/**
 * Runs `action` as one audit event (`coreServices.auditor`): the auditor reads the actor
 * from the request; `meta` names the target. Refusals (403) and bad input are recorded as
 * failures too, so a misused token leaves a trace.
 */
export async function audited<T>(
  auditor: AuditorService,
  req: Request,
  event: {
    eventId: string;
    meta?: AuditMeta;
    /** `medium` (the auditor's level for write endpoints) unless given. */
    severityLevel?: AuditorServiceCreateEventOptions['severityLevel'];
  },
  action: () => Promise<T>,
  successMeta?: (result: T) => AuditMeta,
): Promise<T> {
  const auditEvent = await auditor.createEvent({
    eventId: event.eventId,
    severityLevel: event.severityLevel ?? 'medium',
    request: req,
    meta: event.meta,
  });
  try {
    const result = await action();
    await auditEvent.success({ meta: successMeta?.(result) });
    return result;
  } catch (error) {
    await auditEvent.fail({ error: toError(error) });
    throw error;
  }
}

/** The JSON object an audit event carries. */
type AuditMeta = NonNullable<AuditorServiceCreateEventOptions['meta']>;

function toError(error: unknown): Error {
  return isError(error) ? (error as Error) : new Error(String(error));
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
