/** One change an edit made (or would make) to one file. */
export interface FileChange {
  /** Relative to the repository root, e.g. `.github/workflows/ci.yml`. */
  file: string;
  /** One line: what changed and why. */
  reason: string;
}

/** The result of a pure edit: the new text (unchanged when `changes` is empty). */
export interface EditResult {
  text: string;
  changes: FileChange[];
  /** What was left as it is and why, e.g. a value set by an expression. */
  notes?: string[];
}
