/**
 * A five-field cron expression (minute, hour, day of month, month, day of week), as the
 * pre-warm schedules take it. This check runs in the browser (the schedule editor) as well
 * as in the backend, which computes the run times with the `cron` package (not
 * browser-safe: it needs `child_process`) and checks them again.
 *
 * Each field is `*`, a number, a range `a-b`, a step `*\/n`, `a/n` or `a-b/n`, or a comma
 * list of those. Months and days of week also take three-letter English names (`jan`,
 * `mon`); day of week 0 and 7 both mean Sunday.
 */

interface CronField {
  name: string;
  min: number;
  max: number;
  names?: string[];
}

const MONTH: CronField = {
  name: 'month',
  min: 1,
  max: 12,
  names: [
    'jan',
    'feb',
    'mar',
    'apr',
    'may',
    'jun',
    'jul',
    'aug',
    'sep',
    'oct',
    'nov',
    'dec',
  ],
};

const DAY_OF_WEEK: CronField = {
  name: 'day of week',
  min: 0,
  max: 7,
  names: ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'],
};

const FIELDS: CronField[] = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31 },
  MONTH,
  DAY_OF_WEEK,
];

/**
 * Why a cron expression is invalid, or null when it is a valid five-field expression that
 * fires. An expression fires unless it only allows days that no allowed month has (e.g.
 * `0 0 31 2 *`, 31 February). Day of month and day of week combine as in the backend's
 * scheduler library (`cron`) and Vixie cron: when both are restricted, a day matching
 * either fires.
 * @public
 */
export function cronExpressionError(expression: string): string | null {
  const parts = expression.trim().split(/\s+/).filter(Boolean);
  if (parts.length !== FIELDS.length) {
    return `must have 5 fields (minute hour day-of-month month day-of-week), got ${parts.length}`;
  }
  const values: Set<number>[] = [];
  for (let i = 0; i < FIELDS.length; i++) {
    const parsed = fieldValues(parts[i], FIELDS[i]);
    if (typeof parsed === 'string') {
      return `${FIELDS[i].name} '${parts[i]}': ${parsed}`;
    }
    values.push(parsed);
  }
  return neverFiresError(values[2], values[3], values[4]);
}

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** Days in each month, 29 for February (leap years come within the scheduler's horizon). */
const MONTH_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function neverFiresError(
  daysOfMonth: Set<number>,
  months: Set<number>,
  daysOfWeek: Set<number>,
): string | null {
  // A restricted day of week always matches some day of every month.
  const dayOfMonthRestricted = daysOfMonth.size !== 31;
  const dayOfWeekRestricted = daysOfWeek.size !== 7;
  if (dayOfWeekRestricted || !dayOfMonthRestricted) return null;
  const firstDay = Math.min(...daysOfMonth);
  const monthList = [...months].sort((x, y) => x - y);
  if (monthList.some(month => firstDay <= MONTH_DAYS[month - 1])) return null;
  const names = monthList.map(month => MONTH_NAMES[month - 1]);
  const days = [...daysOfMonth].sort((x, y) => x - y).map(String);
  return `never fires: ${joinWords(names, 'and')} ${
    names.length === 1 ? 'has' : 'have'
  } no day ${joinWords(days, 'or')}`;
}

/** `a`, `a and b`, `a, b and c`. */
function joinWords(words: string[], conjunction: string): string {
  return words.length <= 1
    ? words.join('')
    : `${words.slice(0, -1).join(', ')} ${conjunction} ${
        words[words.length - 1]
      }`;
}

/** The values a field allows, or why it is invalid. Day of week 7 counts as 0 (Sunday). */
function fieldValues(text: string, field: CronField): Set<number> | string {
  const values = new Set<number>();
  for (const item of text.split(',')) {
    if (item === '') return 'empty list item';
    const [range, step, ...rest] = item.split('/');
    if (rest.length > 0) return `more than one '/' in '${item}'`;
    if (step !== undefined && !/^\d+$/.test(step)) {
      return `step '${step}' is not a number`;
    }
    if (step !== undefined && Number(step) === 0)
      return 'step must be at least 1';
    let low = field.min;
    let high = field.max;
    if (range !== '*') {
      const bounds: number[] = [];
      if (range.split('-').length > 2)
        return `'${range}' is not a value or range`;
      for (const bound of range.split('-')) {
        const value = valueOf(bound, field);
        if (value === undefined) {
          return `'${bound}' is not a value from ${field.min} to ${field.max}${
            field.names ? ` or a name (${field.names.join(', ')})` : ''
          }`;
        }
        bounds.push(value);
      }
      if (bounds.length === 2 && bounds[0] > bounds[1]) {
        return `range '${range}' runs backwards`;
      }
      // `a/n` runs from a to the field's end, as in the scheduler library.
      low = bounds[0];
      if (bounds.length === 2) high = bounds[1];
      else if (step === undefined) high = low;
    }
    for (let value = low; value <= high; value += Number(step ?? 1)) {
      values.add(field === DAY_OF_WEEK && value === 7 ? 0 : value);
    }
  }
  return values;
}

function valueOf(text: string, field: CronField): number | undefined {
  if (/^\d+$/.test(text)) {
    const value = Number(text);
    return value >= field.min && value <= field.max ? value : undefined;
  }
  const index = field.names?.indexOf(text.toLowerCase()) ?? -1;
  if (index < 0) return undefined;
  return field.min === 0 ? index : index + 1;
}

/**
 * Whether an IANA time zone name (e.g. `Europe/Berlin`, `UTC`) is known to this runtime.
 * @public
 */
export function isValidTimeZone(timeZone: string): boolean {
  // A name, not an offset like `+01:00` (which newer runtimes also accept).
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(timeZone)) return false;
  try {
    // eslint-disable-next-line no-new
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}
