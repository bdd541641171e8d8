import {
  BUILT_IN_RULES,
  PolicyConfig,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import { PolicyResultStore, StoredPolicyResult } from '../policy';
import { buildCacheTabPath, NotificationSender } from './NotificationSender';

/**
 * The policy store, telling `sender` about every entity whose level dropped (e.g. gold →
 * silver) when its new result is saved. Only the save reads the previous level, so the
 * policy service itself needs no hook.
 */
export function notifyOnPolicyLevelLost(
  store: PolicyResultStore,
  options: { sender: NotificationSender; policy: PolicyConfig },
): PolicyResultStore {
  const { sender, policy } = options;
  const saveEvaluations: PolicyResultStore['saveEvaluations'] = async save => {
    if (!sender.isEnabled('policyLevelLost')) {
      await store.saveEvaluations(save);
      return;
    }
    const previous = await previousLevels(store, save.results);
    await store.saveEvaluations(save);
    for (const result of save.results) {
      const before = previous.get(result.entityRef);
      if (before === undefined) continue;
      const lost = lostLevel(policy, before, result.level);
      if (lost) await sender.send(levelLostNotification(policy, result, lost));
    }
  };
  return new Proxy(store, {
    get(target, property) {
      if (property === 'saveEvaluations') return saveEvaluations;
      const value = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** Entities without a stored result are missing: they had no level to lose. */
async function previousLevels(
  store: PolicyResultStore,
  results: StoredPolicyResult[],
): Promise<Map<string, string | null>> {
  return store.listLevels({
    entityRefs: [...new Set(results.map(result => result.entityRef))],
  });
}

/** The level that was lost when `after` ranks below `before`; null otherwise. */
export function lostLevel(
  policy: PolicyConfig,
  before: string | null,
  after: string | null,
): PolicyConfig['levels'][number] | null {
  const rank = (level: string | null) =>
    level === null ? -1 : policy.levels.findIndex(l => l.id === level);
  if (before === null || rank(after) >= rank(before)) return null;
  return policy.levels[rank(before)] ?? null;
}

function levelLostNotification(
  policy: PolicyConfig,
  result: StoredPolicyResult,
  lost: PolicyConfig['levels'][number],
) {
  const title = (id: string | null) =>
    id === null
      ? 'no level'
      : policy.levels.find(level => level.id === id)?.title ?? id;
  // The rules that keep the entity from the level above its new one: the ones that failed.
  const blocking = new Set(result.nextLevel?.blockingRuleIds ?? []);
  const failed = result.results.filter(rule => blocking.has(rule.ruleId));
  const name = result.entityRef.slice(result.entityRef.indexOf('/') + 1);
  return {
    kind: 'policyLevelLost' as const,
    subject: result.entityRef,
    recipients: [result.entityRef],
    severity: 'normal' as const,
    title: `${name} dropped from ${title(lost.id)} to ${title(result.level)}`,
    description:
      failed.length > 0
        ? `Failing: ${failed
            .map(
              rule =>
                `${BUILT_IN_RULES[rule.ruleId].title} (${rule.ruleId}): ${
                  rule.summary
                }`,
            )
            .join(' ')}`
        : `The caching policy now places it at ${title(result.level)}.`,
    link: buildCacheTabPath(result.entityRef),
  };
}
