import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseTomlDocument } from '../util/toml';
import { readFixture } from '../testUtils/fixtures';
import { analyzeCargoLock } from './analyzeCargoLock';
import { readCanonicalCargoLock } from './readCanonicalCargoLock';

const repoRoot = join(__dirname, '../../../..');

/** Every Cargo.lock that cargo wrote in this repository: the fixtures and the examples. */
function realLocks(): Array<[string, string]> {
  const locks: Array<[string, string]> = [1, 2, 3, 4].map(v => [
    `fixture v${v}`,
    readFixture(`cargo/Cargo.v${v}.lock`),
  ]);
  locks.push([
    'ci-reporter fixture',
    readFileSync(
      join(repoRoot, 'packages/ci-reporter/src/__fixtures__/Cargo.lock'),
      'utf8',
    ),
  ]);
  const examples = join(repoRoot, 'examples/workspaces');
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (entry.name === 'Cargo.lock')
        locks.push([
          path.slice(repoRoot.length + 1),
          readFileSync(path, 'utf8'),
        ]);
    }
  };
  visit(examples);
  return locks;
}

/** What `analyzeCargoLock` reads of a parsed lock: the string keys of packages, v1's checksums, the version. */
function readKeys(document: Record<string, unknown>) {
  const strings = (table: unknown) =>
    Object.fromEntries(
      Object.entries(table as Record<string, unknown>).filter(
        ([key, value]) => key !== 'dependencies' && typeof value === 'string',
      ),
    );
  return {
    version: document.version,
    package: (document.package as unknown[] | undefined)?.map(strings) ?? [],
    metadata: document.metadata && strings(document.metadata),
  };
}

function tomlReading(text: string) {
  const parsed = parseTomlDocument(text);
  return parsed.ok ? readKeys(parsed.document) : undefined;
}

describe('readCanonicalCargoLock', () => {
  const locks = realLocks();

  it('reads every lock cargo wrote here as the TOML parser does', () => {
    expect(locks.length).toBeGreaterThanOrEqual(10);
    for (const [name, text] of locks) {
      const read = readCanonicalCargoLock(text);
      expect({ name, read: read && readKeys({ ...read }) }).toEqual({
        name,
        read: tomlReading(text),
      });
    }
  });

  it('reads Windows line endings too', () => {
    const text = readFixture('cargo/Cargo.v1.lock').replace(/\n/g, '\r\n');
    expect(readKeys({ ...readCanonicalCargoLock(text)! })).toEqual(
      tomlReading(text),
    );
  });

  it.each([
    ['an escape in a string', 'name = "it\\u006fa"'],
    ['a trailing comment', 'name = "itoa" # pinned'],
    ['a literal string', "name = 'itoa'"],
    ['a duplicate key', 'name = "itoa"\nname = "itoa"'],
    ['another table', '[[patch.unused]]\nname = "x"\nversion = "1.0.0"'],
    ['an inline array', 'dependencies = []'],
    ['a number', 'version = 1'],
    ['a dotted key', 'a.b = "c"'],
    ['a line of spaces', '   '],
    ['a bare control character', 'name = "it\u0001oa"'],
  ])('leaves %s to the TOML parser', (_what, line) => {
    for (const [, text] of locks.slice(0, 5)) {
      const edited = text.replace(/^name = .*$/m, line);
      expect(readCanonicalCargoLock(edited)).toBeUndefined();
    }
  });

  it('reads or declines every one-line edit of the real locks, never differing from TOML', () => {
    // Edits at every line of each lock: what the reader accepts must read as TOML does.
    const edits: Array<(line: string) => string> = [
      line => `${line} `,
      line => line.replace(/"/, "'"),
      line => line.replace(/ = /, '='),
      line => line.replace(/^(\w+)/, '"$1"'),
      line => line.replace(/"$/, '\\t"'),
      line => line.replace(/,$/, ''),
      line => `${line}\n${line}`,
      line => `# ${line}`,
      line => line.replace(/^\[\[package\]\]$/, '[package]'),
      line => line.replace(/^version = (\d)$/, 'version = 0$1'),
      line => line.replace(/^\]$/, ' ]'),
      () => '',
    ];
    const counts = { accepted: 0, declined: 0 };
    for (const [name, text] of locks.slice(0, 6)) {
      const lines = text.split('\n');
      lines.forEach((line, index) => {
        for (const edit of edits) {
          const edited = [
            ...lines.slice(0, index),
            edit(line),
            ...lines.slice(index + 1),
          ].join('\n');
          const read = readCanonicalCargoLock(edited);
          if (read === undefined) {
            counts.declined++;
            continue;
          }
          counts.accepted++;
          expect({ name, index, read: readKeys({ ...read }) }).toEqual({
            name,
            index,
            read: tomlReading(edited),
          });
        }
      });
    }
    expect(counts.accepted).toBeGreaterThan(100);
    expect(counts.declined).toBeGreaterThan(100);
  });

  it('gives analyzeCargoLock the same answers and errors as the TOML parser', () => {
    const v4 = readFixture('cargo/Cargo.v4.lock');
    // Declined by the reader: TOML's error, or TOML's reading.
    expect(() => analyzeCargoLock(`${v4}\nname = "x`)).toThrow(
      /^Cargo\.lock: not valid TOML: /,
    );
    expect(
      analyzeCargoLock(v4.replace(/^name = "itoa"$/m, "name = 'itoa'")),
    ).toEqual(analyzeCargoLock(v4));
    // Read by it: the same checks of the values.
    expect(() =>
      analyzeCargoLock(v4.replace(/^version = 4$/m, 'version = 5')),
    ).toThrow('version must be 1, 2, 3 or 4 (got 5)');
    expect(() =>
      analyzeCargoLock(v4.replace(/^name = "itoa"$/m, 'name = ""')),
    ).toThrow('has no name');
  });
});
