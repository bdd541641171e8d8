import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { EditResult, FileChange } from '../edits/types';

/** The workspace files an action may edit, read and written relative to the workspace. */
export class WorkspaceFiles {
  constructor(private readonly root: string) {}

  /** The file's text, or undefined when it does not exist. */
  async read(file: string): Promise<string | undefined> {
    try {
      return await fs.readFile(resolveSafeChildPath(this.root, file), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  async write(file: string, text: string): Promise<void> {
    const target = resolveSafeChildPath(this.root, file);
    await fs.mkdir(path.dirname(target), { recursive: true });
    await fs.writeFile(target, text, 'utf8');
  }

  /**
   * The workflow files to edit: the given ones, or every `.yml`/`.yaml` file in
   * `.github/workflows` (sorted, so that the output order is stable).
   */
  async workflows(given: string[] | undefined): Promise<string[]> {
    if (given && given.length > 0) {
      for (const file of given)
        if ((await this.read(file)) === undefined)
          throw new InputError(
            `workflow ${file} does not exist in the workspace`,
          );
      return given;
    }
    const dir = '.github/workflows';
    let names: string[];
    try {
      names = await fs.readdir(resolveSafeChildPath(this.root, dir));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    return names
      .filter(name => /\.ya?ml$/.test(name))
      .sort()
      .map(name => `${dir}/${name}`);
  }
}

/** What every fix action outputs. */
export interface FixOutput {
  /** Whether files were written (false with `dryRun`). */
  applied: boolean;
  filesChanged: string[];
  changes: FileChange[];
  notes: string[];
  /** The changes as Markdown list items, for a pull request body. */
  summary: string;
}

/**
 * Applies the edits of one action: writes the changed files unless `dryRun`, and builds
 * the output. `edits` maps a file to its edit result.
 */
export async function applyEdits(
  files: WorkspaceFiles,
  edits: Array<{ file: string; result: EditResult }>,
  dryRun: boolean,
): Promise<FixOutput> {
  const changed = edits.filter(edit => edit.result.changes.length > 0);
  if (!dryRun)
    for (const edit of changed) await files.write(edit.file, edit.result.text);
  const changes = changed.flatMap(edit => edit.result.changes);
  const notes = edits.flatMap(edit => edit.result.notes ?? []);
  const summary = [
    ...changes.map(change => `- \`${change.file}\`: ${change.reason}`),
    ...notes.map(note => `- Not changed: ${note}`),
  ].join('\n');
  return {
    applied: !dryRun && changed.length > 0,
    filesChanged: changed.map(edit => edit.file),
    changes,
    notes,
    summary: summary || '- Nothing to change.',
  };
}
