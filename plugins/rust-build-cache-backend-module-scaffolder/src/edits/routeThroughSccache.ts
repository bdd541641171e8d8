import { isSeq } from 'yaml';
import type { EditResult, FileChange } from './types';
import {
  effectiveEnv,
  isExpression,
  parseWorkflow,
  setEnv,
  stringifyWorkflow,
} from './workflowDocument';

/** The setup step added to jobs that run cargo without it (installs sccache on the runner). */
export const DEFAULT_SCCACHE_ACTION = 'mozilla-actions/sccache-action@v0.0.9';

const SCCACHE_ACTION = /^mozilla-actions\/sccache-action@/;
const SCCACHE_WRAPPER = /(^|[\\/])sccache(\.exe)?$/i;

const WANTED = [
  {
    key: 'RUSTC_WRAPPER',
    value: 'sccache',
    ok: (value: unknown) =>
      typeof value === 'string' && SCCACHE_WRAPPER.test(value),
    why: 'so that cargo sends each rustc call through sccache',
  },
  {
    key: 'CARGO_INCREMENTAL',
    value: 0,
    ok: (value: unknown) => String(value) === '0',
    why: 'sccache cannot cache incremental compiles',
  },
] as const;

/**
 * Routes the cargo builds of a workflow through sccache: in every job with a step that
 * runs cargo, `RUSTC_WRAPPER: sccache` and `CARGO_INCREMENTAL: 0` in the job's env (or in
 * a cargo step's env that overrides them), and the sccache setup step before the first
 * cargo step when the job has none. Values set by an expression are left alone.
 */
export function routeThroughSccache(
  file: string,
  text: string,
  sccacheAction: string = DEFAULT_SCCACHE_ACTION,
): EditResult {
  const workflow = parseWorkflow(file, text);
  const changes: FileChange[] = [];
  const notes: string[] = [];
  for (const job of workflow.jobs) {
    if (job.firstCargoStep < 0) continue;
    for (const wanted of WANTED) {
      const jobValue = effectiveEnv(workflow, job, undefined, wanted.key);
      if (isExpression(jobValue)) {
        notes.push(
          `${file}: job ${job.id} sets ${wanted.key} with an expression (${jobValue}); left as it is`,
        );
      } else if (!wanted.ok(jobValue)) {
        setEnv(workflow.doc, job.node, wanted.key, wanted.value);
        changes.push({
          file,
          reason: `job ${job.id}: ${wanted.key}: ${wanted.value} (${
            jobValue === undefined ? 'was unset' : `was ${String(jobValue)}`
          }), ${wanted.why}`,
        });
      }
      job.steps.forEach((step, index) => {
        if (!step.runsCargo || !(wanted.key in step.env) || !step.node) return;
        const stepValue = step.env[wanted.key];
        if (isExpression(stepValue) || wanted.ok(stepValue)) return;
        setEnv(workflow.doc, step.node, wanted.key, wanted.value);
        changes.push({
          file,
          reason: `job ${job.id}, step ${index + 1}: ${wanted.key}: ${
            wanted.value
          } (was ${String(stepValue)}), ${wanted.why}`,
        });
      });
    }
    const hasSetup = job.steps.some(
      step => step.uses !== null && SCCACHE_ACTION.test(step.uses),
    );
    const stepsNode = job.node.get('steps', true);
    if (!hasSetup && isSeq(stepsNode)) {
      stepsNode.items.splice(
        job.firstCargoStep,
        0,
        workflow.doc.createNode({
          name: 'Set up sccache',
          uses: sccacheAction,
        }),
      );
      changes.push({
        file,
        reason: `job ${job.id}: added the step ${sccacheAction} before the first cargo step, which installs sccache`,
      });
    } else if (!hasSetup) {
      notes.push(
        `${file}: job ${job.id} has no sccache setup step, and its steps are an alias; add ${sccacheAction} by hand`,
      );
    }
  }
  return {
    text: changes.length ? stringifyWorkflow(workflow.doc, text) : text,
    changes,
    notes,
  };
}
