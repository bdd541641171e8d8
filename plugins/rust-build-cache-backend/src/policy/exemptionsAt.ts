import { PolicyExemption } from '@rust-build-cache/plugin-rust-build-cache-common';
import { StoredExemption } from './PolicyStore';

/** Whether an exemption was in force at a past time: created, not expired, not revoked. */
export function isActiveAt(exemption: StoredExemption, at: Date): boolean {
  const time = at.getTime();
  return (
    exemption.createdAt.getTime() <= time &&
    exemption.expiresAt.getTime() > time &&
    (exemption.revokedAt === null || exemption.revokedAt.getTime() > time)
  );
}

/** The exemptions of each entity, as the policy evaluation takes them. */
export function groupExemptions(
  exemptions: StoredExemption[],
): Map<string, PolicyExemption[]> {
  const result = new Map<string, PolicyExemption[]>();
  for (const e of exemptions) {
    const list = result.get(e.entityRef) ?? [];
    list.push({
      ruleId: e.ruleId,
      expiresAt: e.expiresAt.toISOString(),
      reason: e.reason,
      author: e.author,
    });
    result.set(e.entityRef, list);
  }
  return result;
}
