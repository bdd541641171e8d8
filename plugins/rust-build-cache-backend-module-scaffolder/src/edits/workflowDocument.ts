import {
  Document,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  parseDocument,
  Scalar,
  YAMLMap,
  YAMLSeq,
} from 'yaml';
import { InputError } from '@backstage/errors';

/**
 * A GitHub Actions workflow read with the `yaml` Document API, so that edits keep its
 * comments, anchors, aliases, quoting and blank lines.
 */
export interface Workflow {
  file: string;
  doc: Document;
  /** The workflow-level `env` as values (merge keys and aliases resolved). */
  env: Record<string, unknown>;
  jobs: WorkflowJob[];
}

export interface WorkflowJob {
  id: string;
  node: YAMLMap;
  /** The job-level `env` as values. */
  env: Record<string, unknown>;
  steps: WorkflowStep[];
  /** Index in `steps` of the first step that runs cargo; -1 for none. */
  firstCargoStep: number;
}

export interface WorkflowStep {
  node: YAMLMap | null;
  uses: string | null;
  run: string | null;
  env: Record<string, unknown>;
  runsCargo: boolean;
}

// A cargo command that compiles: `cargo build`, `cargo +1.95.0 test`, `… && cargo clippy`;
// not `cargo fmt`, `cargo-deny` or `$CARGO_HOME`.
const CARGO_COMMAND =
  /(^|[\s;&|(`])cargo(\s+\+\S+)?\s+(build|b|check|c|test|t|clippy|run|r|bench|doc|d|install|rustc|rustdoc|nextest|llvm-cov|hack|miri)(?=\s|$)/m;

function asRecord(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

/** The map a node is, following an alias; null for anything else. */
export function mapOf(doc: Document, node: unknown): YAMLMap | null {
  const target = isAlias(node) ? node.resolve(doc) : node;
  return isMap(target) ? target : null;
}

function seqOf(doc: Document, node: unknown): YAMLSeq | null {
  const target = isAlias(node) ? node.resolve(doc) : node;
  return isSeq(target) ? target : null;
}

export function parseWorkflow(file: string, text: string): Workflow {
  const doc = parseDocument(text, { merge: true, keepSourceTokens: false });
  if (doc.errors.length > 0)
    throw new InputError(`${file} is not valid YAML: ${doc.errors[0].message}`);
  const js = asRecord(doc.toJS({ maxAliasCount: 1000 }));
  const jobsJs = asRecord(js.jobs);
  const jobsNode = mapOf(doc, doc.get('jobs', true));
  const jobs: WorkflowJob[] = [];
  for (const pair of jobsNode?.items ?? []) {
    const id = String(isScalar(pair.key) ? pair.key.value : pair.key);
    const node = mapOf(doc, pair.value);
    if (!node) continue;
    const jobJs = asRecord(jobsJs[id]);
    const stepsJs = Array.isArray(jobJs.steps) ? jobJs.steps : [];
    const stepNodes = seqOf(doc, node.get('steps', true))?.items ?? [];
    const steps = stepsJs.map((stepJs, index): WorkflowStep => {
      const step = asRecord(stepJs);
      const run = typeof step.run === 'string' ? step.run : null;
      const uses = typeof step.uses === 'string' ? step.uses : null;
      return {
        node: mapOf(doc, stepNodes[index]),
        run,
        uses,
        env: asRecord(step.env),
        runsCargo:
          (run !== null && CARGO_COMMAND.test(run)) ||
          (uses !== null && /^actions-rs\/(cargo|clippy-check)@/.test(uses)),
      };
    });
    jobs.push({
      id,
      node,
      env: asRecord(jobJs.env),
      steps,
      firstCargoStep: steps.findIndex(step => step.runsCargo),
    });
  }
  return { file, doc, env: asRecord(js.env), jobs };
}

/** Whether a value is a GitHub Actions expression, whose value is only known in CI. */
export function isExpression(value: unknown): boolean {
  return typeof value === 'string' && value.includes('${{');
}

/**
 * Sets `key: value` in the `env` of a workflow, job or step map, creating `env` (before
 * `steps`, or at the end) when missing. An `env` that is an alias to a shared anchor is
 * not edited (the change would reach every user of the anchor): it becomes a map that
 * merges the anchor (`<<: *anchor`) and adds the key.
 */
export function setEnv(
  doc: Document,
  owner: YAMLMap,
  key: string,
  value: string | number,
): void {
  const envNode = owner.get('env', true);
  if (envNode === undefined || envNode === null) {
    const env = new YAMLMap();
    env.items.push(doc.createPair(key, scalarFor(doc, value)));
    const pair = doc.createPair('env', env);
    // Before `steps` in a job, before `jobs` at the top: where people put env.
    const stepsAt = owner.items.findIndex(
      item =>
        isScalar(item.key) &&
        (item.key.value === 'steps' || item.key.value === 'jobs'),
    );
    owner.items.splice(stepsAt < 0 ? owner.items.length : stepsAt, 0, pair);
    return;
  }
  if (isAlias(envNode)) {
    const merged = new YAMLMap();
    merged.items.push(doc.createPair('<<', envNode));
    merged.items.push(doc.createPair(key, scalarFor(doc, value)));
    owner.set('env', merged);
    return;
  }
  if (!isMap(envNode))
    throw new InputError(`env is not a map (${String(envNode)})`);
  const existing = envNode.items.find(
    item => isScalar(item.key) && item.key.value === key,
  );
  if (existing && isScalar(existing.value)) {
    // Keeps the scalar's comment; a quoted value stays quoted.
    const scalar = existing.value as Scalar;
    scalar.value =
      scalar.type === Scalar.PLAIN || typeof value !== 'number'
        ? value
        : String(value);
    return;
  }
  if (existing) {
    existing.value = doc.createNode(value);
    return;
  }
  envNode.items.push(doc.createPair(key, scalarFor(doc, value)));
}

/** A new value; strings with spaces are double-quoted, as people write RUSTFLAGS. */
function scalarFor(doc: Document, value: string | number) {
  const node = doc.createNode(value) as Scalar;
  if (typeof value === 'string' && /\s/.test(value))
    node.type = Scalar.QUOTE_DOUBLE;
  return node;
}

/** Whether `key` is written in the owner's own `env` map (not through an alias or merge key). */
export function hasOwnEnv(owner: YAMLMap, key: string): boolean {
  const envNode = owner.get('env', true);
  return (
    isMap(envNode) &&
    envNode.items.some(item => isScalar(item.key) && item.key.value === key)
  );
}

/** Removes `key` from an `env` map, and the `env` when it is left empty. */
export function deleteEnv(owner: YAMLMap, key: string): void {
  const envNode = owner.get('env', true);
  if (!isMap(envNode)) return;
  envNode.delete(key);
  if (envNode.items.length === 0) owner.delete('env');
}

/** Writes the document back in the file's own sequence indentation, without folding lines. */
export function stringifyWorkflow(doc: Document, original: string): string {
  // `steps:` followed by `- ` at the same indentation: the file does not indent sequences.
  const indentSeq = !/^( *)[^\s#-][^\n]*:[ \t]*\r?\n\1- /m.test(original);
  const indentMatch = /^[^\s#][^\n]*:[ \t]*\r?\n( +)\S/m.exec(original);
  return doc.toString({
    lineWidth: 0,
    flowCollectionPadding: false,
    indentSeq,
    indent: indentMatch ? indentMatch[1].length : 2,
  });
}

/** The effective value of an env variable in a step of a job (step over job over workflow). */
export function effectiveEnv(
  workflow: Workflow,
  job: WorkflowJob,
  step: WorkflowStep | undefined,
  key: string,
): unknown {
  if (step && key in step.env) return step.env[key];
  if (key in job.env) return job.env[key];
  return workflow.env[key];
}
