import type { PolicyRuleId } from './builtInRules';

/**
 * The scaffolder actions of `@rust-build-cache/plugin-rust-build-cache-backend-module-scaffolder`
 * that fix a failing rule by editing the repository. One place, so that the Policy card's
 * "Open a fix pull request" link, the template and the actions agree.
 * @public
 */
export const FIX_ACTION_IDS = [
  'rust-build-cache:pin-toolchain',
  'rust-build-cache:route-through-sccache',
  'rust-build-cache:bound-cache-size',
  'rust-build-cache:stable-rustflags',
] as const;

/** @public */
export type FixActionId = (typeof FIX_ACTION_IDS)[number];

/**
 * The action that fixes each rule with a mechanical change. Rules left out need a person:
 * `toolchain-pin-matches-ci` (how CI selects its toolchain), `effective-hit-rate`,
 * `cache-errors-bounded` (causes vary), `cargo-lock-committed` (needs `cargo generate-lockfile`
 * with the registry), `reports-fresh` and `prewarm-enrolled` (not repository changes).
 * @public
 */
export const FIX_ACTION_BY_RULE: Partial<Record<PolicyRuleId, FixActionId>> = {
  'toolchain-pinned-exact': 'rust-build-cache:pin-toolchain',
  'toolchain-near-baseline': 'rust-build-cache:pin-toolchain',
  'rustc-wrapper-sccache': 'rust-build-cache:route-through-sccache',
  'cargo-incremental-off': 'rust-build-cache:route-through-sccache',
  'cache-size-bounded': 'rust-build-cache:bound-cache-size',
  'rustflags-stable': 'rust-build-cache:stable-rustflags',
};

/** The fix action of a rule, or undefined when its fix is not mechanical. @public */
export function fixActionForRule(ruleId: string): FixActionId | undefined {
  return (FIX_ACTION_BY_RULE as Record<string, FixActionId | undefined>)[
    ruleId
  ];
}

/**
 * The name (`metadata.name`) of the "Fix Rust build caching" template, in the `default`
 * namespace: the Policy card links to `/create/templates/default/<name>`.
 * @public
 */
export const FIX_TEMPLATE_NAME = 'fix-rust-build-caching';
