import { BuildCacheReport } from '@rust-build-cache/plugin-rust-build-cache-common';
import fc from 'fast-check';

/** One request body to send to `POST /reports`: what was done to the report, and the bytes. */
export interface Mutant {
  description: string;
  contentType: string;
  body: string;
}

type Path = Array<string | number>;

/** A value that stands for a deeply nested one until the report is serialised. */
interface DeepNesting {
  deepNesting: number;
  kind: 'array' | 'object';
}

/** Every path of `value`: objects, arrays and leaves. */
function pathsOf(value: unknown, path: Path = []): Path[] {
  const own = [path];
  if (typeof value !== 'object' || value === null) return own;
  return own.concat(
    ...Object.entries(value).map(([key, child]) =>
      pathsOf(child, [...path, Array.isArray(value) ? Number(key) : key]),
    ),
  );
}

const numbersOutOfRange = fc.oneof(
  fc.constantFrom(
    2 ** 31 - 1,
    2 ** 31,
    2 ** 32,
    2 ** 53 - 1,
    2 ** 53,
    2 ** 64,
    -1,
    -(2 ** 31) - 1,
    0.5,
    -0,
    1e308,
    Number.MIN_VALUE,
  ),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
);

const malformedStrings = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    'a\u0000b',
    '\ud800',
    'x\udc00y',
    '\u202e\u0007',
    '\t../../etc',
    ' /etc/passwd',
    'a\\b',
    // eslint-disable-next-line no-script-url -- an input that must be refused
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'https://',
    '9999-12-31T23:59:59Z',
    '0000-01-01T00:00:00Z',
    '2026-02-30T00:00:00Z',
    '__proto__',
  ),
  fc.string({ unit: 'binary', maxLength: 40 }),
);

/** Over each field's limit, some over the 1 MiB body limit. */
const hugeStrings = fc
  .tuple(
    fc.constantFrom(101, 501, 2_001, 70_000, 1_100_000),
    fc.constantFrom('x', 'é', '\u0000', '😀', '/'),
  )
  .map(([length, unit]) => unit.repeat(length));

const deepNesting: fc.Arbitrary<DeepNesting> = fc.record({
  deepNesting: fc.integer({ min: 50, max: 100_000 }),
  kind: fc.constantFrom('array', 'object'),
});

const badValues = fc.oneof(
  fc.constantFrom(null, true, false, 0, [], {}),
  numbersOutOfRange,
  malformedStrings,
  hugeStrings,
  deepNesting,
  fc.jsonValue({ maxDepth: 3 }),
);

const suspiciousKeys = fc.oneof(
  fc.constantFrom(
    '__proto__',
    'constructor',
    'prototype',
    'toString',
    'hasOwnProperty',
    'valueOf',
    '',
    'a\u0000',
  ),
  fc.string({ unit: 'binary', maxLength: 20 }),
);

/** Stands for "a copy of a value already in that object", e.g. a valid map entry. */
const SIBLING = Symbol('a sibling value');

type Change =
  | { op: 'replace'; path: Path; value: unknown }
  | { op: 'addKey'; path: Path; key: string; value: unknown }
  | { op: 'flood'; path: Path; keys: number }
  | { op: 'delete'; path: Path };

/** Suffixes that turn a valid string into a hostile one of the same type. */
const hostileSuffixes = fc.constantFrom(
  '\u0000',
  '\ud800',
  '\u0007',
  '/../..',
  '\\x',
  '\u2028',
  ' ',
);

function changes(example: unknown): fc.Arbitrary<Change> {
  const paths = pathsOf(example);
  const valueAt = (path: Path) =>
    path.reduce<any>((at, key) => at[key], example);
  const ofType = (type: string) =>
    fc.constantFrom(...paths.filter(path => typeof valueAt(path) === type));
  const objectPaths = paths.filter(path => {
    const value = valueAt(path);
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  });
  const stringPath = ofType('string');
  const replace = (path: fc.Arbitrary<Path>, value: fc.Arbitrary<unknown>) =>
    fc.record({ op: fc.constant('replace' as const), path, value });
  return fc.oneof(
    // Same type, hostile content: the changes most likely to pass a loose check.
    {
      weight: 3,
      arbitrary: replace(stringPath, fc.oneof(malformedStrings, hugeStrings)),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(stringPath, hostileSuffixes)
        .map(([path, suffix]) => ({
          op: 'replace' as const,
          path,
          value: `${valueAt(path)}${suffix}`,
        })),
    },
    { weight: 3, arbitrary: replace(ofType('number'), numbersOutOfRange) },
    // Wrong types anywhere, the whole report included.
    { weight: 2, arbitrary: replace(fc.constantFrom(...paths), badValues) },
    {
      weight: 2,
      arbitrary: fc.record({
        op: fc.constant('addKey' as const),
        path: fc.constantFrom(...objectPaths),
        key: suspiciousKeys,
        value: fc.oneof(fc.constant(SIBLING), badValues),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        op: fc.constant('flood' as const),
        path: fc.constantFrom(...objectPaths),
        keys: fc.constantFrom(257, 1_000, 20_000),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        op: fc.constant('delete' as const),
        path: fc.constantFrom(...paths.filter(path => path.length > 0)),
      }),
    },
  );
}

function describeChange(change: Change): string {
  const where = change.path.join('.') || '(root)';
  const shown = (value: unknown) => {
    if (value === SIBLING) return 'a copy of a sibling';
    const text = JSON.stringify(value) ?? String(value);
    return text.length > 60
      ? `${text.slice(0, 60)}… (${text.length} chars)`
      : text;
  };
  switch (change.op) {
    case 'replace':
      return `${where} = ${shown(change.value)}`;
    case 'addKey':
      return `${where}[${JSON.stringify(change.key)}] = ${shown(change.value)}`;
    case 'flood':
      return `${where} gets ${change.keys} more keys`;
    default:
      return `delete ${where}`;
  }
}

/**
 * Applies `change` to `report` (a copy the caller owns). Keys are defined, not assigned,
 * so that `__proto__` becomes an own key that JSON.stringify writes out.
 */
function apply(report: Record<string, unknown>, change: Change): unknown {
  const set = (target: object, key: string | number, value: unknown) =>
    Object.defineProperty(target, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  if (change.op === 'replace' && change.path.length === 0) return change.value;
  const parentPath =
    change.op === 'addKey' || change.op === 'flood'
      ? change.path
      : change.path.slice(0, -1);
  const parent = parentPath.reduce<any>(
    (at, key) => (typeof at === 'object' && at !== null ? at[key] : undefined),
    report,
  );
  if (typeof parent !== 'object' || parent === null) return report;
  const first = Object.values(parent)[0] ?? 1;
  const sibling = () => structuredClone(first);
  const last = change.path[change.path.length - 1];
  if (change.op === 'replace') set(parent, last, change.value);
  else if (change.op === 'addKey') {
    set(
      parent,
      change.key,
      change.value === SIBLING ? sibling() : change.value,
    );
  } else if (change.op === 'flood') {
    for (let i = 0; i < change.keys; i++) set(parent, `key ${i}`, sibling());
  } else delete parent[last];
  return report;
}

const DEEP_MARKER = /\{"deepNesting":(\d+),"kind":"(array|object)"\}/g;

/** JSON text of `value`, with each deep-nesting stand-in written out (JSON.stringify would recurse). */
function serialise(value: unknown): string {
  return (JSON.stringify(value) ?? 'null').replace(
    DEEP_MARKER,
    (_match, depth: string, kind: string) => {
      const levels = Number(depth);
      return kind === 'array'
        ? `${'['.repeat(levels)}${']'.repeat(levels)}`
        : `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;
    },
  );
}

/** Bodies that are not a JSON object, or not JSON. */
const notAReport = fc.oneof(
  fc.constantFrom(
    'null',
    '123',
    '"x"',
    'true',
    '[]',
    '[{}]',
    '',
    ' ',
    '{',
    '{"kind":',
    'NaN',
    '{}garbage',
    '\u0000',
    '\ufeff{}',
  ),
  fc.jsonValue({ maxDepth: 2 }).map(value => JSON.stringify(value)),
);

const contentTypes = fc.oneof(
  { weight: 12, arbitrary: fc.constant('application/json') },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      'application/json; charset=utf-8',
      'application/json; charset=latin1',
      'application/json; charset=utf-16',
      'text/plain',
      'application/x-www-form-urlencoded',
    ),
  },
);

/**
 * Mutants of `example`: mostly one change, sometimes two or three (hostile strings and
 * numbers of the right type, wrong types, huge strings, unknown and prototype keys, maps
 * with too many keys, deep nesting, deletions) anywhere in the report, or a body that is
 * no report at all; mostly as JSON, sometimes with another content type.
 */
export function reportMutants(example: BuildCacheReport): fc.Arbitrary<Mutant> {
  const oneChange = changes(example);
  const mutatedReport = fc
    .oneof(
      { weight: 4, arbitrary: oneChange.map(one => [one]) },
      {
        weight: 1,
        arbitrary: fc.array(oneChange, { minLength: 2, maxLength: 3 }),
      },
    )
    .map(list => ({
      description: list.map(describeChange).join('; '),
      body: serialise(
        list.reduce<unknown>(
          (report, change) =>
            typeof report === 'object' && report !== null
              ? apply(report as Record<string, unknown>, change)
              : report,
          structuredClone(example),
        ),
      ),
    }));
  const otherBody = notAReport.map(body => ({
    description: `body ${JSON.stringify(body.slice(0, 60))}`,
    body,
  }));
  return fc
    .tuple(
      fc.oneof(
        { weight: 6, arbitrary: mutatedReport },
        { weight: 1, arbitrary: otherBody },
      ),
      contentTypes,
    )
    .map(([{ description, body }, contentType]) => ({
      description,
      contentType,
      body,
      [fc.toStringMethod]: () =>
        `${description} (${contentType}, ${body.length} chars)`,
    }));
}
