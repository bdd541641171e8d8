import { readFileSync } from 'node:fs';
import { join } from 'node:path';
// The project's one list of false claims (rust-caching-facts.md §6).
import { FALSE_CLAIMS } from '@rust-build-cache/plugin-rust-build-cache-common/testUtils';
import { parse } from 'yaml';
import { prewarmWorkflowInputs } from './GithubActionsPrewarmExecutor';
import { testJob } from '@rust-build-cache/plugin-rust-build-cache-node/testUtils';

const WORKFLOW_FILE = join(
  __dirname,
  '../../../../docs/prewarm/rust-build-cache-prewarm.yml',
);
const text = readFileSync(WORKFLOW_FILE, 'utf8');
const workflow = parse(text);

/** sccache variables that exist (rust-caching-facts.md §4) and that this workflow may set. */
const KNOWN_SCCACHE_VARIABLES = new Set([
  'SCCACHE_BUCKET',
  'SCCACHE_REGION',
  'SCCACHE_ENDPOINT',
  'SCCACHE_S3_KEY_PREFIX',
  'SCCACHE_S3_USE_SSL',
  'SCCACHE_REDIS_ENDPOINT',
  'SCCACHE_GHA_ENABLED',
  'SCCACHE_GHA_VERSION',
  'SCCACHE_CACHE_SIZE',
  'SCCACHE_DIR',
  'SCCACHE_IDLE_TIMEOUT',
]);

describe('docs/prewarm/rust-build-cache-prewarm.yml', () => {
  it('declares exactly the inputs the github-actions executor sends, all strings', () => {
    const declared = workflow.on.workflow_dispatch.inputs;
    const sent = prewarmWorkflowInputs(testJob());
    expect(Object.keys(declared).sort()).toEqual(Object.keys(sent).sort());
    for (const [name, input] of Object.entries<{ type: string }>(declared)) {
      expect({ name, type: input.type }).toEqual({ name, type: 'string' });
    }
    // GitHub refuses dispatches with more than 25 inputs.
    expect(Object.keys(sent).length).toBeLessThanOrEqual(25);
  });

  it('names its run with the job id, which the executor looks for', () => {
    expect(workflow['run-name']).toBe('prewarm ${{ inputs.job-id }}');
  });

  it('builds with the consumers’ wrapper settings and reports a prewarm', () => {
    const job = workflow.jobs.prewarm;
    expect(job.env).toMatchObject({
      RUSTC_WRAPPER: 'sccache',
      CARGO_INCREMENTAL: 0,
    });
    // No CARGO_* variable beyond the consumers' CARGO_INCREMENTAL: sccache hashes them all.
    const cargoVariables = Object.keys(job.env).filter(name =>
      name.startsWith('CARGO_'),
    );
    expect(cargoVariables).toEqual(['CARGO_INCREMENTAL']);
    const runs: string = job.steps
      .map((step: { run?: string }) => step.run ?? '')
      .join('\n');
    expect(runs).toContain('cargo "${args[@]}"');
    expect(runs).toContain('args=(build --locked --timings)');
    expect(runs).toMatch(/collect --kind prewarm/);
    expect(runs).toMatch(/push --strict/);
    expect(
      job.steps.some((step: { uses?: string }) =>
        step.uses?.startsWith('mozilla-actions/sccache-action@'),
      ),
    ).toBe(true);
  });

  it('uses only sccache variables that exist, and repeats no false claim', () => {
    const used = new Set(text.match(/SCCACHE_[A-Z0-9_]+/g));
    for (const name of used) {
      expect({ name, known: KNOWN_SCCACHE_VARIABLES.has(name) }).toEqual({
        name,
        known: true,
      });
    }
    for (const [claim, pattern] of FALSE_CLAIMS) {
      expect({ claim, matches: pattern.test(text) }).toEqual({
        claim,
        matches: false,
      });
    }
  });
});
