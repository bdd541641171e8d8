import type { EditResult } from './types';
import {
  deleteEnv,
  hasOwnEnv,
  isExpression,
  parseWorkflow,
  setEnv,
  stringifyWorkflow,
} from './workflowDocument';

/** RUSTFLAGS with runs of whitespace collapsed: cargo splits the value on whitespace. */
function normalise(flags: string): string {
  return flags.trim().split(/\s+/).join(' ');
}

const INLINE_RUSTFLAGS = /(^|[\s;&|(])(export\s+)?RUSTFLAGS=/m;

/**
 * Moves a RUSTFLAGS set per job into the workflow's `env`, so that every job of the
 * workflow passes the same flags (and shares cache entries). Only when the change is
 * mechanical: every job that runs cargo sets RUSTFLAGS in its `env`, all to the same flags
 * (after collapsing whitespace), no step sets them itself, and none is an expression.
 * Otherwise nothing changes and `notes` explains why.
 */
export function stableRustflags(file: string, text: string): EditResult {
  const workflow = parseWorkflow(file, text);
  const unchanged = (note: string): EditResult => ({
    text,
    changes: [],
    notes: [`${file}: ${note}`],
  });
  const cargoJobs = workflow.jobs.filter(job => job.firstCargoStep >= 0);
  if (cargoJobs.length === 0) return unchanged('no job runs cargo');
  for (const job of cargoJobs) {
    const stepIndex = job.steps.findIndex(
      step =>
        'RUSTFLAGS' in step.env ||
        (step.run !== null && INLINE_RUSTFLAGS.test(step.run)),
    );
    if (stepIndex >= 0)
      return unchanged(
        `job ${job.id}, step ${
          stepIndex + 1
        } sets RUSTFLAGS itself; moving it changes what that step builds, so a person has to decide`,
      );
  }
  const perJob = cargoJobs.map(job => ({ job, flags: job.env.RUSTFLAGS }));
  const setting = perJob.filter(entry => entry.flags !== undefined);
  if (setting.length === 0)
    return unchanged(
      workflow.env.RUSTFLAGS === undefined
        ? 'no job sets RUSTFLAGS; nothing to move'
        : 'RUSTFLAGS is already set once, in the workflow env',
    );
  const expression = setting.find(entry => isExpression(entry.flags));
  if (expression)
    return unchanged(
      `job ${expression.job.id} sets RUSTFLAGS with an expression (${String(
        expression.flags,
      )}); its value is only known in CI`,
    );
  const without = perJob.filter(entry => entry.flags === undefined);
  if (without.length > 0)
    return unchanged(
      `jobs ${without
        .map(entry => entry.job.id)
        .join(', ')} run cargo without RUSTFLAGS while ${setting
        .map(entry => entry.job.id)
        .join(
          ', ',
        )} set them; moving the flags would change what those jobs build`,
    );
  const distinct = [
    ...new Set(setting.map(entry => normalise(String(entry.flags)))),
  ];
  if (distinct.length > 1)
    return unchanged(
      `the jobs set ${distinct.length} different RUSTFLAGS (${setting
        .map(entry => `${entry.job.id}: "${String(entry.flags)}"`)
        .join(
          '; ',
        )}); choosing one changes what the others build, so a person has to decide`,
    );
  const shared = setting.find(entry => !hasOwnEnv(entry.job.node, 'RUSTFLAGS'));
  if (shared)
    return unchanged(
      `job ${shared.job.id} gets RUSTFLAGS through a YAML anchor or merge key; moving it means editing the anchor, which other places may use, so a person has to decide`,
    );
  const flags = distinct[0];
  const before = workflow.env.RUSTFLAGS;
  setEnv(workflow.doc, workflow.doc.contents as never, 'RUSTFLAGS', flags);
  for (const { job } of setting) deleteEnv(job.node, 'RUSTFLAGS');
  return {
    text: stringifyWorkflow(workflow.doc, text),
    changes: [
      {
        file,
        reason: `RUSTFLAGS "${flags}" moved from jobs ${setting
          .map(entry => entry.job.id)
          .join(', ')} to the workflow env${
          before === undefined ? '' : ` (was "${String(before)}")`
        }, so every job passes the same flags`,
      },
    ],
    notes: [],
  };
}
