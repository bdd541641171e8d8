import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import type { FixActionId } from '@rust-build-cache/plugin-rust-build-cache-common';
import path from 'node:path';
import { boundCacheSize } from '../edits/boundCacheSize';
import {
  LEGACY_TOOLCHAIN,
  pinLegacyToolchain,
  pinToolchainToml,
  TOOLCHAIN_TOML,
} from '../edits/pinToolchain';
import {
  DEFAULT_SCCACHE_ACTION,
  routeThroughSccache,
} from '../edits/routeThroughSccache';
import { stableRustflags } from '../edits/stableRustflags';
import type { EditResult } from '../edits/types';
import { applyEdits, WorkspaceFiles } from './workspaceFiles';

/** The zod that createTemplateAction hands to schema factories (its v3 API). */
type Zod = typeof import('zod/v3').z;

const dryRunInput = (z: Zod) =>
  z
    .boolean()
    .optional()
    .describe(
      "Compute and output the changes without writing them. (In the scaffolder's own dry-run the workspace is a throwaway copy, so the files are written there to show the result.)",
    );

const workflowsInput = (z: Zod) =>
  z
    .array(z.string())
    .optional()
    .describe(
      'Workflow files to edit, relative to the repository root; default: every .yml/.yaml file in .github/workflows',
    );

const output = {
  applied: (z: Zod) => z.boolean().describe('Whether files were written'),
  filesChanged: (z: Zod) =>
    z.array(z.string()).describe('The files changed (or that would change)'),
  changes: (z: Zod) =>
    z
      .array(z.object({ file: z.string(), reason: z.string() }))
      .describe('One line per change: the file and what changed and why'),
  notes: (z: Zod) =>
    z.array(z.string()).describe('What was left as it is, and why'),
  summary: (z: Zod) =>
    z.string().describe('The changes and notes as a Markdown list'),
};

/** Runs a pure edit over each workflow of the workspace. */
async function editWorkflows(
  files: WorkspaceFiles,
  given: string[] | undefined,
  edit: (file: string, text: string) => EditResult,
) {
  const edits = [];
  for (const file of await files.workflows(given))
    edits.push({ file, result: edit(file, (await files.read(file))!) });
  return edits;
}

/**
 * The `rust-build-cache:pin-toolchain` action: an exact toolchain in rust-toolchain.toml, or in a legacy rust-toolchain (said so).
 * @public
 */
export function createPinToolchainAction() {
  return createTemplateAction({
    id: 'rust-build-cache:pin-toolchain' satisfies FixActionId,
    description:
      'Pins the Rust toolchain to an exact release: sets channel in rust-toolchain.toml (creating it when missing), or updates a legacy rust-toolchain file in place and says so.',
    supportsDryRun: true,
    schema: {
      input: {
        release: z =>
          z
            .string()
            .describe(
              'The exact toolchain, e.g. 1.95.0 (the release CI used, or the baseline) or nightly-2026-01-01',
            ),
        workspaceDir: z =>
          z
            .string()
            .optional()
            .describe(
              'The Cargo workspace directory in the repository (where rustup looks for the file); default: the root',
            ),
        dryRun: dryRunInput,
      },
      output,
    },
    async handler(ctx) {
      const files = new WorkspaceFiles(ctx.workspacePath);
      const dir = ctx.input.workspaceDir ?? '';
      const legacyFile = path.posix.join(dir, LEGACY_TOOLCHAIN);
      const tomlFile = path.posix.join(dir, TOOLCHAIN_TOML);
      const legacy = await files.read(legacyFile);
      const toml = await files.read(tomlFile);
      const edits: Array<{ file: string; result: EditResult }> = [];
      if (legacy !== undefined) {
        const result = pinLegacyToolchain(legacy, ctx.input.release);
        edits.push({
          file: legacyFile,
          result: {
            ...result,
            changes: result.changes.map(c => ({ ...c, file: legacyFile })),
          },
        });
      }
      if (legacy === undefined || toml !== undefined) {
        const result = pinToolchainToml(tomlFile, toml, ctx.input.release);
        edits.push({
          file: tomlFile,
          result: {
            ...result,
            notes:
              legacy !== undefined
                ? [
                    `${legacyFile} and ${tomlFile} both exist; rustup uses ${legacyFile}: delete one of them`,
                  ]
                : [],
          },
        });
      }
      await report(ctx, files, edits);
    },
  });
}

/**
 * The `rust-build-cache:route-through-sccache` action: RUSTC_WRAPPER and CARGO_INCREMENTAL in cargo jobs, and the sccache setup step.
 * @public
 */
export function createRouteThroughSccacheAction() {
  return createTemplateAction({
    id: 'rust-build-cache:route-through-sccache' satisfies FixActionId,
    description:
      'In every workflow job that runs cargo: RUSTC_WRAPPER: sccache and CARGO_INCREMENTAL: 0 in the job env, and the sccache setup step when missing. Keeps comments and anchors.',
    supportsDryRun: true,
    schema: {
      input: {
        workflows: workflowsInput,
        sccacheAction: z =>
          z
            .string()
            .optional()
            .describe(
              `The setup step's action; default ${DEFAULT_SCCACHE_ACTION}`,
            ),
        dryRun: dryRunInput,
      },
      output,
    },
    async handler(ctx) {
      const files = new WorkspaceFiles(ctx.workspacePath);
      const edits = await editWorkflows(files, ctx.input.workflows, (f, t) =>
        routeThroughSccache(f, t, ctx.input.sccacheAction),
      );
      await report(ctx, files, edits);
    },
  });
}

/**
 * The `rust-build-cache:bound-cache-size` action: SCCACHE_CACHE_SIZE for jobs with the local disk cache.
 * @public
 */
export function createBoundCacheSizeAction() {
  return createTemplateAction({
    id: 'rust-build-cache:bound-cache-size' satisfies FixActionId,
    description:
      "Sets SCCACHE_CACHE_SIZE in the env of workflow jobs whose sccache uses the local disk cache and have no size (sccache's default is 10G).",
    supportsDryRun: true,
    schema: {
      input: {
        size: z =>
          z
            .string()
            .optional()
            .describe(
              'The cache size, e.g. 2G (a number with K, M, G or T); default 2G',
            ),
        workflows: workflowsInput,
        dryRun: dryRunInput,
      },
      output,
    },
    async handler(ctx) {
      const files = new WorkspaceFiles(ctx.workspacePath);
      const edits = await editWorkflows(files, ctx.input.workflows, (f, t) =>
        boundCacheSize(f, t, ctx.input.size ?? '2G'),
      );
      await report(ctx, files, edits);
    },
  });
}

/**
 * The `rust-build-cache:stable-rustflags` action: one RUSTFLAGS per workflow when the change is mechanical.
 * @public
 */
export function createStableRustflagsAction() {
  return createTemplateAction({
    id: 'rust-build-cache:stable-rustflags' satisfies FixActionId,
    description:
      'Moves RUSTFLAGS set per job into the workflow env when every cargo job sets the same flags; otherwise explains why not and changes nothing.',
    supportsDryRun: true,
    schema: {
      input: { workflows: workflowsInput, dryRun: dryRunInput },
      output,
    },
    async handler(ctx) {
      const files = new WorkspaceFiles(ctx.workspacePath);
      const edits = await editWorkflows(files, ctx.input.workflows, (f, t) =>
        stableRustflags(f, t),
      );
      await report(ctx, files, edits);
    },
  });
}

async function report(
  ctx: {
    input: { dryRun?: boolean };
    logger: { info(message: string): void };
    output(name: string, value: any): void;
  },
  files: WorkspaceFiles,
  edits: Array<{ file: string; result: EditResult }>,
) {
  const result = await applyEdits(files, edits, ctx.input.dryRun ?? false);
  for (const change of result.changes)
    ctx.logger.info(`${change.file}: ${change.reason}`);
  for (const note of result.notes) ctx.logger.info(`Not changed: ${note}`);
  ctx.output('applied', result.applied);
  ctx.output('filesChanged', result.filesChanged);
  ctx.output('changes', result.changes);
  ctx.output('notes', result.notes);
  ctx.output('summary', result.summary);
}
