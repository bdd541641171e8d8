/** Lines and bytes of build output a job keeps. */
export const LOG_TAIL_MAX_LINES = 200;
export const LOG_TAIL_MAX_CHARS = 16 * 1024;

/** The last lines of a build's output: at most 200 lines and 16 KiB. */
export class LogTail {
  private text = '';

  append(chunk: string): void {
    this.text = trimTail(this.text + chunk);
  }

  toString(): string {
    return this.text;
  }
}

export function trimTail(text: string): string {
  let result = text;
  if (result.length > LOG_TAIL_MAX_CHARS) {
    result = result.slice(result.length - LOG_TAIL_MAX_CHARS);
    // Start at a line boundary when the cut fell inside a line.
    const newline = result.indexOf('\n');
    if (newline >= 0 && newline < result.length - 1) {
      result = result.slice(newline + 1);
    }
  }
  const lines = result.split('\n');
  // A trailing newline leaves an empty last element that is not a line.
  const lineCount =
    lines[lines.length - 1] === '' ? lines.length - 1 : lines.length;
  if (lineCount > LOG_TAIL_MAX_LINES) {
    result = lines.slice(lineCount - LOG_TAIL_MAX_LINES).join('\n');
  }
  return result;
}
