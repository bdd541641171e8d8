import { z } from 'zod';
import { sumCounts } from '../metrics/sumCounts';
import { isWebUrl } from './webUrl';
import { normaliseWorkspacePath } from './workspacePath';

/**
 * The bounds of report values and the field schemas that enforce them. Each bound exists
 * because something downstream cannot hold more: a database column, a page, a clock.
 */

/**
 * The largest count: the per-run metric columns of `reports` (requests, hits, misses, ...)
 * and `run_attempt` are 32-bit `integer` on PostgreSQL.
 * @public
 */
export const MAX_REPORT_COUNT = 2_147_483_647;

/**
 * The largest byte size (cache size and limit): stored in the report JSON only, so any
 * integer JavaScript represents exactly.
 * @public
 */
export const MAX_REPORT_BYTES = Number.MAX_SAFE_INTEGER;

/** The largest duration, about 31 years: generous for summed compile times, finite in sums. @public */
export const MAX_REPORT_SECONDS = 1e9;

/** The most keys of a map: languages, not-cached reasons, cargo profiles. @public */
export const MAX_REPORT_MAP_KEYS = 256;

/** No report is older than Rust 1.0 (May 2015) and sccache. @public */
export const EARLIEST_REPORT_TIME = '2015-01-01T00:00:00Z';

/** How far `finishedAt` may lie ahead of the receiver's clock: skew between CI runner and server. @public */
export const MAX_REPORT_CLOCK_SKEW_MS = 60 * 60 * 1000;

/**
 * Every string of a report: no NUL (PostgreSQL refuses it in text) and no unpaired UTF-16
 * surrogate (stored as U+FFFD, i.e. not what was checked). A pattern, so that the JSON
 * Schema says it too.
 */
const WELL_FORMED_TEXT =
  // eslint-disable-next-line no-control-regex -- refusing NUL is the point
  /^(?:[^\u0000\uD800-\uDFFF]|[\uD800-\uDBFF][\uDC00-\uDFFF])*$/;
const WELL_FORMED_TEXT_MESSAGE =
  'must be well-formed Unicode text without NUL characters';

/** A string of `min` to `max` UTF-16 code units, see {@link WELL_FORMED_TEXT}. */
export function text(max: number, min = 0) {
  const string = min > 0 ? z.string().min(min) : z.string();
  return string.max(max).regex(WELL_FORMED_TEXT, WELL_FORMED_TEXT_MESSAGE);
}

export const count = z
  .int()
  .min(0)
  .max(
    MAX_REPORT_COUNT,
    `must be at most ${MAX_REPORT_COUNT}, the largest count the database stores`,
  );
/** A lowercase hex sha256. */
export const sha256Digest = z
  .string()
  .regex(/^[0-9a-f]{64}$/, 'must be a lowercase hex sha256');

export const bytes = z.int().min(0).max(MAX_REPORT_BYTES);
export const seconds = z.number().min(0).max(MAX_REPORT_SECONDS);

/** A map with string keys, bounded in keys (also stated in the JSON Schema). */
export function boundedMap<V extends z.ZodType>(
  keyMax: number,
  value: V,
  maxKeys: number = MAX_REPORT_MAP_KEYS,
  key: z.ZodType<string, string> = text(keyMax, 1),
) {
  return z
    .record(key, value)
    .refine(
      map => Object.keys(map).length <= maxKeys,
      `must have at most ${maxKeys} keys`,
    )
    .meta({ maxProperties: maxKeys });
}

/** Counts by language or reason; their sum is stored in a 32-bit column too. */
export const countsByKey = boundedMap(200, count)
  .refine(counts => sumCounts(counts) <= MAX_REPORT_COUNT, {
    message: `the counts must add up to at most ${MAX_REPORT_COUNT}`,
    when: ({ value }) =>
      isPlainObject(value) &&
      Object.values(value).every(item => typeof item === 'number'),
  })
  .meta({
    description: `The sum of the counts is at most ${MAX_REPORT_COUNT} (checked by validateReport only).`,
  });

const earliestTime = Date.parse(EARLIEST_REPORT_TIME);

const isoDateTime = z.iso.datetime({ offset: true });
/** The whole of `isoDateTime`'s check (a string format schema has no other). */
const ISO_DATE_TIME = patternOf(isoDateTime);

function patternOf(format: z.ZodStringFormat): RegExp {
  const { pattern } = format._zod.def;
  if (!pattern) throw new Error(`zod gave ${format.format} no pattern`);
  return pattern;
}

/** ISO 8601 with an offset, not before {@link EARLIEST_REPORT_TIME}. */
export const timestamp = isoDateTime.refine(
  time => Date.parse(time) >= earliestTime,
  `must not be before ${EARLIEST_REPORT_TIME}`,
);

/**
 * Whether `timestamp` accepts `value`, without a parse of it: this runs twice per report
 * (see the startedAt rule of the schema).
 */
export function isTimestamp(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    ISO_DATE_TIME.test(value) &&
    Date.parse(value) >= earliestTime
  );
}

/** At most {@link MAX_REPORT_CLOCK_SKEW_MS} after `now()`. */
export function finishedAtTimestamp(now: () => number) {
  return timestamp
    .refine(
      time => Date.parse(time) <= now() + MAX_REPORT_CLOCK_SKEW_MS,
      'must not be more than one hour in the future (is the clock of the CI runner right?)',
    )
    .meta({
      description: `Not before ${EARLIEST_REPORT_TIME} and at most one hour after the receiver's clock (checked by validateReport only).`,
    });
}

const WEB_URL_MESSAGE = 'must be an http or https URL';

/** Only these are links in the UI; `javascript:` or `data:` must never be. */
export const webUrl = text(2000)
  .regex(/^https?:\/\//, { message: WEB_URL_MESSAGE, abort: true })
  .refine(isWebUrl, WEB_URL_MESSAGE)
  .meta({ format: 'uri' });

/** C0 and C1 control characters and DEL. */
// eslint-disable-next-line no-control-regex -- finding them is the point
export const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f]/;
// eslint-disable-next-line no-control-regex -- refusing them is the point
const NO_CONTROL_CHARACTERS = /^[^\u0000-\u001f\u007f-\u009f]*$/;

const PATH_MESSAGE = 'must be a path relative to the repository root';

/**
 * Checked after trimming, then stored normalised (`./a//b/` → `a/b`): normalising drops
 * only empty and `.` segments, so the stored path is the one that was checked.
 */
export const workspacePath = text(500, 1)
  .regex(NO_CONTROL_CHARACTERS, 'must not contain control characters')
  .regex(/^[^\\]*$/, 'must use forward slashes, not backslashes')
  .transform(path => path.trim())
  .pipe(
    z
      .string()
      .min(1, `${PATH_MESSAGE}, '.' for the root`)
      .refine(path => !path.startsWith('/'), `${PATH_MESSAGE}, not absolute`)
      .refine(
        path => !path.split('/').includes('..'),
        `${PATH_MESSAGE}, without '..'`,
      ),
  )
  .transform(normaliseWorkspacePath)
  .meta({
    description:
      "Trimmed, then: not absolute, no '..' segment (checked by validateReport only); stored without empty and '.' segments.",
  });

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
