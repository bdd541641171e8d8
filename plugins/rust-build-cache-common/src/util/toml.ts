import { parse, TomlError } from 'smol-toml';

/**
 * Parses TOML, or returns why not as one line, e.g.
 * `not valid TOML: illegal character in key (line 1, column 11)`.
 */
export function parseTomlDocument(
  text: string,
):
  | { ok: true; document: Record<string, unknown> }
  | { ok: false; problem: string } {
  try {
    return { ok: true, document: parse(text) };
  } catch (error) {
    if (!(error instanceof Error)) throw error;
    const reason = error.message
      .split('\n')[0]
      .replace(/^Invalid TOML document: /, '');
    const where =
      error instanceof TomlError
        ? ` (line ${error.line}, column ${error.column})`
        : '';
    return { ok: false, problem: `not valid TOML: ${reason}${where}` };
  }
}
