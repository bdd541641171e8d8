import type {
  ScaffolderDryRunOptions,
  ScaffolderDryRunResponse,
  TemplateEntityV1beta3,
} from '@backstage/plugin-scaffolder-common';
import type { FixFilesResponse } from '@rust-build-cache/plugin-rust-build-cache-common';
import { structuredPatch, type Hunk as StructuredPatchHunk } from 'diff';

/**
 * The folder of the dry-run's template directory that holds the repository files: the
 * template's fetch step (`fetch:plain`) copies it into the workspace, as it would copy the
 * repository, when `sourceUrl` names it.
 */
const REPOSITORY_DIR = 'repo';

/** One file the template would change, as a unified diff. */
export interface FileDiff {
  path: string;
  status: 'added' | 'modified' | 'deleted';
  hunks: StructuredPatchHunk[];
}

/** What the preview shows: the files the pull request would change, and why. */
export interface FixPreview {
  repository: string;
  diffs: FileDiff[];
  /** The template's "Changes" output: one Markdown list item per change, by action. */
  changes: string | undefined;
}

/**
 * The scaffolder dry-run of the fix template with the form data of the Policy card's link,
 * on the repository's files: the same template, values and steps as the pull request's
 * run, except that the fetch step copies the files read by the backend (from the same
 * default branch) instead of downloading the repository, and nothing is published.
 */
export function fixPreviewDryRun(
  template: TemplateEntityV1beta3,
  formData: Record<string, unknown>,
  repository: FixFilesResponse,
): ScaffolderDryRunOptions {
  return {
    template,
    values: {
      ...formData,
      sourceUrl: `./${REPOSITORY_DIR}`,
    } as ScaffolderDryRunOptions['values'],
    directoryContents: repository.files.map(file => ({
      path: `${REPOSITORY_DIR}/${file.path}`,
      base64Content: encodeBase64(file.content),
    })),
  };
}

/** The diff between the repository files and the files the dry-run left in the workspace. */
export function fixPreviewOf(
  repository: FixFilesResponse,
  result: ScaffolderDryRunResponse,
): FixPreview {
  const before = new Map(repository.files.map(f => [f.path, f.content]));
  const after = new Map(
    result.directoryContents.map(f => [f.path, decodeBase64(f.base64Content)]),
  );
  const paths = [...new Set([...before.keys(), ...after.keys()])].sort();
  const diffs: FileDiff[] = [];
  for (const path of paths) {
    const old = before.get(path);
    const now = after.get(path);
    if (old === now) continue;
    diffs.push({
      path,
      status: statusOf(old, now),
      hunks: structuredPatch(path, path, old ?? '', now ?? '', '', '', {
        context: 3,
      }).hunks,
    });
  }
  const changes = result.output.text?.find(
    text => text.title === 'Changes',
  )?.content;
  return {
    repository: repository.repository,
    diffs,
    changes: changes?.trim() || undefined,
  };
}

function statusOf(
  old: string | undefined,
  now: string | undefined,
): FileDiff['status'] {
  if (old === undefined) return 'added';
  return now === undefined ? 'deleted' : 'modified';
}

/** A hunk's `@@ -a,b +c,d @@` line; an empty side starts at the line before, as in `diff -u`. */
export function hunkHeader(hunk: StructuredPatchHunk): string {
  const range = (start: number, lines: number) =>
    `${lines === 0 ? start - 1 : start},${lines}`;
  return `@@ -${range(hunk.oldStart, hunk.oldLines)} +${range(
    hunk.newStart,
    hunk.newLines,
  )} @@`;
}

function encodeBase64(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text))
    binary += String.fromCharCode(byte);
  return btoa(binary);
}

function decodeBase64(base64: string): string {
  const binary = atob(base64);
  const bytes = Uint8Array.from(binary, char => char.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}
