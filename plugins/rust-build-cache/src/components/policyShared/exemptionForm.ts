import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import type { CreateExemptionRequest } from '@rust-build-cache/plugin-rust-build-cache-common';

/** What the create-exemption form holds, as typed. */
export interface ExemptionFormValues {
  entityRef: string;
  ruleId: string;
  reason: string;
  /** `YYYY-MM-DD` from the date input, empty while unset. */
  expiresOn: string;
}

export type ExemptionFormErrors = Partial<
  Record<keyof ExemptionFormValues, string>
>;

/** The UTC day of `now`, `YYYY-MM-DD`. */
export function utcDay(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/**
 * Checks the form and, when it is valid, builds the request. The exemption stops applying
 * at 00:00 UTC of the chosen day, so the day must be after today (UTC).
 */
export function validateExemptionForm(
  values: ExemptionFormValues,
  knownRuleIds: string[],
  now: Date,
):
  | { ok: true; request: CreateExemptionRequest }
  | { ok: false; errors: ExemptionFormErrors } {
  const errors: ExemptionFormErrors = {};
  let entityRef = '';
  if (!values.entityRef.trim()) {
    errors.entityRef =
      'Enter the entity ref of the service, e.g. component:default/billing-api.';
  } else {
    try {
      entityRef = stringifyEntityRef(
        parseEntityRef(values.entityRef.trim(), {
          defaultKind: 'component',
          defaultNamespace: 'default',
        }),
      );
    } catch (e) {
      errors.entityRef = `Not an entity ref: ${(e as Error).message}`;
    }
  }
  if (!values.ruleId) {
    errors.ruleId = 'Choose the rule to exempt the service from.';
  } else if (!knownRuleIds.includes(values.ruleId)) {
    errors.ruleId = `The policy has no rule ${values.ruleId}.`;
  }
  if (!values.reason.trim()) {
    errors.reason = 'Give the reason for the exemption.';
  }
  if (!values.expiresOn) {
    errors.expiresOn = 'An exemption must have an expiry date.';
  } else if (!/^\d{4}-\d{2}-\d{2}$/.test(values.expiresOn)) {
    errors.expiresOn = 'Enter the expiry date as YYYY-MM-DD.';
  } else if (!isCalendarDay(values.expiresOn)) {
    errors.expiresOn = `${values.expiresOn} is not a date.`;
  } else if (values.expiresOn <= utcDay(now)) {
    errors.expiresOn = 'The expiry date must be after today.';
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    request: {
      entityRef,
      ruleId: values.ruleId as CreateExemptionRequest['ruleId'],
      reason: values.reason.trim(),
      expiresAt: new Date(`${values.expiresOn}T00:00:00Z`).toISOString(),
    },
  };
}

/** `2027-02-31` matches the pattern but is no day of the calendar. */
function isCalendarDay(day: string): boolean {
  const date = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && utcDay(date) === day;
}
