import { z } from 'zod';
import { CONTROL_CHARACTER } from './fields';

// How validateReport's issues read: paths and messages made safe and short enough to show
// in CLI output and HTTP error messages, whatever keys the input holds.

/** One problem found in a report, with the JSON path of the bad field. @public */
export interface ReportIssue {
  path: string;
  message: string;
}

/** A zod issue as `validateReport` lists it: its path formatted, its message. */
export function reportIssueOf(issue: z.core.$ZodIssue): ReportIssue {
  return { path: formatIssuePath(issue.path), message: messageOf(issue) };
}

/** Zod says only "Invalid key in record"; say what is wrong with the key. */
function messageOf(issue: z.core.$ZodIssue): string {
  if (issue.code !== 'invalid_key') return issue.message;
  return `invalid key: ${issue.issues
    .map(keyIssue => keyIssue.message)
    .join('; ')}`;
}

const MAX_SHOWN_PATH_SEGMENTS = 16;

/**
 * `a.b.0.c`. Keys come from the input, so long keys are cut, control characters escaped,
 * and a path deeper than a report is shortened in the middle.
 */
export function formatIssuePath(path: PropertyKey[]): string {
  if (path.length === 0) return '(root)';
  const shown =
    path.length > MAX_SHOWN_PATH_SEGMENTS
      ? [...path.slice(0, 8), '…', ...path.slice(-8)]
      : path;
  return shown
    .map(segment => {
      const key = String(segment);
      const cut = key.length > 64 ? `${key.slice(0, 64)}…` : key;
      return CONTROL_CHARACTER.test(cut) ? JSON.stringify(cut) : cut;
    })
    .join('.');
}

/** A report with thousands of bad fields must not give a message of megabytes. */
const MAX_LISTED_ISSUES = 20;

/**
 * Formats validation issues as one line each, for CLI and HTTP error messages: the first
 * 20, then how many more there are.
 * @public
 */
export function formatReportIssues(issues: ReportIssue[]): string {
  const lines = issues
    .slice(0, MAX_LISTED_ISSUES)
    .map(i => `${i.path}: ${i.message}`);
  if (issues.length > MAX_LISTED_ISSUES) {
    lines.push(`… and ${issues.length - MAX_LISTED_ISSUES} more`);
  }
  return lines.join('\n');
}
