import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Entity } from '@backstage/catalog-model';
import { annotatedComponent } from '../../__testUtils__/entities';
import {
  BuildCacheReport,
  validateReport,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import {
  PrewarmExecutionContext,
  PrewarmExecutionResult,
  PrewarmExecutor,
  PrewarmJobSpec,
} from '@rust-build-cache/plugin-rust-build-cache-node';

const commonPackageDir = dirname(
  require.resolve(
    '@rust-build-cache/plugin-rust-build-cache-common/package.json',
  ),
);

export type RealReportName =
  | 'billing-api-warm'
  | 'ledger-worker-warm'
  | 'search-indexer-warm'
  | 'rate-limiter-warm'
  | 'rate-limiter-rustflags-changed';

/** A real recorded report (see -common's `src/policy/__fixtures__/README.md`). */
export function realReport(name: RealReportName): BuildCacheReport {
  const path = join(
    commonPackageDir,
    'src/policy/__fixtures__',
    `${name}.json`,
  );
  const validation = validateReport(JSON.parse(readFileSync(path, 'utf8')));
  if (!validation.ok) throw new Error(`${path} is not a valid report`);
  return validation.report;
}

/** A copy of a report for another repository, run and time. */
export function reportFor(
  report: BuildCacheReport,
  options: {
    repository: string;
    runId: string;
    finishedAt?: Date;
    kind?: BuildCacheReport['kind'];
    change?: (copy: BuildCacheReport) => void;
  },
): BuildCacheReport {
  const copy = structuredClone(report);
  const [host, owner, name] = options.repository.split('/');
  copy.source.repository = { host, owner, name };
  copy.source.workspacePath = '.';
  copy.source.ci.runId = options.runId;
  if (options.kind) copy.kind = options.kind;
  if (options.finishedAt) {
    copy.source.startedAt = null;
    copy.source.finishedAt = options.finishedAt.toISOString();
  }
  options.change?.(copy);
  return copy;
}

/** A catalog entity whose reports come from `github.com/acme/<name>`. */
export function rustEntity(
  name: string,
  options: { owner?: string; tags?: string[] } = {},
): Entity {
  return annotatedComponent({
    name,
    workspace: '.',
    repository: `github.com/acme/${name}`,
    metadata: { tags: options.tags ?? ['rust'] },
    spec: {
      type: 'service',
      lifecycle: 'production',
      owner: options.owner ?? 'platform',
    },
  });
}

type Behaviour = (
  context: PrewarmExecutionContext,
) => Promise<PrewarmExecutionResult>;

/**
 * An in-memory executor that records its calls and how many ran at once. By default a
 * job takes `durationMs` and succeeds; an abort rejects at once.
 */
export class FakeExecutor implements PrewarmExecutor {
  readonly title = 'Fake';
  readonly description = 'In-memory executor for tests';
  readonly calls: PrewarmJobSpec[] = [];
  running = 0;
  maxRunning = 0;
  behaviour: Behaviour;

  constructor(readonly id = 'fake', private readonly durationMs = 20) {
    this.behaviour = context =>
      this.sleep(context.signal, this.durationMs).then(() => ({
        outcome: 'succeeded' as const,
        cacheWrites: 7,
      }));
  }

  async execute(
    context: PrewarmExecutionContext,
  ): Promise<PrewarmExecutionResult> {
    this.calls.push(context.job);
    this.running += 1;
    this.maxRunning = Math.max(this.maxRunning, this.running);
    try {
      return await this.behaviour(context);
    } finally {
      this.running -= 1;
    }
  }

  /** Resolves after `ms`, rejects when `signal` aborts first. */
  sleep(signal: AbortSignal, ms: number): Promise<void> {
    return new Promise((resolve, reject) => {
      if (signal.aborted) {
        reject(new Error('aborted'));
        return;
      }
      const timer = setTimeout(resolve, ms);
      signal.addEventListener(
        'abort',
        () => {
          clearTimeout(timer);
          reject(new Error('aborted'));
        },
        { once: true },
      );
    });
  }
}

/** Polls `check` until it returns true (or throws after `timeoutMs`). */
export async function waitFor(
  check: () => Promise<boolean> | boolean,
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise(resolve => setTimeout(resolve, 10));
  }
}
