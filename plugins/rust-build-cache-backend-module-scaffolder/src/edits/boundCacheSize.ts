import { InputError } from '@backstage/errors';
import type { EditResult, FileChange } from './types';
import {
  effectiveEnv,
  isExpression,
  parseWorkflow,
  setEnv,
  stringifyWorkflow,
  type Workflow,
  type WorkflowJob,
} from './workflowDocument';

// What sccache's config parser accepts: bytes, or a number with K, M, G or T.
const CACHE_SIZE = /^\d+[KMGT]?$/;

/** Variables that select a remote backend instead of the local disk (S3, Redis, Memcached, GCS, Azure, WebDAV, OSS, COS). */
const REMOTE_BACKEND_VARIABLES = [
  'SCCACHE_BUCKET',
  'SCCACHE_REDIS',
  'SCCACHE_REDIS_ENDPOINT',
  'SCCACHE_REDIS_CLUSTER_ENDPOINTS',
  'SCCACHE_MEMCACHED',
  'SCCACHE_MEMCACHED_ENDPOINT',
  'SCCACHE_GCS_BUCKET',
  'SCCACHE_AZURE_CONNECTION_STRING',
  'SCCACHE_WEBDAV_ENDPOINT',
  'SCCACHE_OSS_BUCKET',
  'SCCACHE_COS_BUCKET',
];

function usesSccache(workflow: Workflow, job: WorkflowJob): boolean {
  const wrapper = effectiveEnv(workflow, job, undefined, 'RUSTC_WRAPPER');
  return (
    (typeof wrapper === 'string' && /sccache/i.test(wrapper)) ||
    job.steps.some(step =>
      step.uses?.startsWith('mozilla-actions/sccache-action@'),
    )
  );
}

/** Which backend the job's env selects: 'disk', 'remote' or 'unknown' (expressions). */
function backendOf(workflow: Workflow, job: WorkflowJob): string {
  const value = (key: string) => effectiveEnv(workflow, job, undefined, key);
  const chain = value('SCCACHE_MULTILEVEL_CHAIN');
  if (typeof chain === 'string' && !isExpression(chain))
    return chain.split(',').some(level => level.trim() === 'disk')
      ? 'disk'
      : 'remote';
  const gha = value('SCCACHE_GHA_ENABLED');
  if (gha === 'on' || gha === 'true' || gha === true) return 'remote';
  const remote = REMOTE_BACKEND_VARIABLES.find(
    key => value(key) !== undefined && value(key) !== '',
  );
  if (remote) return 'remote';
  return isExpression(gha) ? 'unknown' : 'disk';
}

/**
 * Bounds sccache's local disk cache: `SCCACHE_CACHE_SIZE: <size>` in the env of every job
 * that uses sccache with the disk backend (alone or as a level of a multi-level chain) and
 * has no size yet. Jobs with a remote backend are left alone: the size does not apply.
 */
export function boundCacheSize(
  file: string,
  text: string,
  size: string,
): EditResult {
  if (!CACHE_SIZE.test(size))
    throw new InputError(
      `size "${size}" is not an sccache cache size: use a number with K, M, G or T, e.g. 2G`,
    );
  const workflow = parseWorkflow(file, text);
  const changes: FileChange[] = [];
  const notes: string[] = [];
  for (const job of workflow.jobs) {
    if (!usesSccache(workflow, job)) continue;
    const backend = backendOf(workflow, job);
    if (backend !== 'disk') {
      if (backend === 'unknown')
        notes.push(
          `${file}: job ${job.id} selects its sccache backend with an expression; left as it is`,
        );
      continue;
    }
    const current = effectiveEnv(
      workflow,
      job,
      undefined,
      'SCCACHE_CACHE_SIZE',
    );
    if (current !== undefined && current !== '') continue;
    setEnv(workflow.doc, job.node, 'SCCACHE_CACHE_SIZE', size);
    changes.push({
      file,
      reason: `job ${job.id}: SCCACHE_CACHE_SIZE: ${size} (was the default 10G), a local disk cache sized to what CI storage holds`,
    });
  }
  return {
    text: changes.length ? stringifyWorkflow(workflow.doc, text) : text,
    changes,
    notes,
  };
}
