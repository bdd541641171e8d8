/**
 * A five-field cron expression (minute, hour, day of month, month, day of week), as the
 * pre-warm schedules take it. This parser only validates: it runs in the browser (the
 * schedule editor) as well as in the backend, which computes the run times.
 *
 * Each field is `*`, a number, a range `a-b`, a step `*\/n` or `a-b/n`, or a comma list of
 * those. Months and days of week also take three-letter English names (`jan`, `mon`);
 * day of week 0 and 7 both mean Sunday.
 */

interface CronField {
  name: string;
  min: number;
  max: number;
  names?: string[];
}

const FIELDS: CronField[] = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31 },
  {
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
  },
  {
    name: 'day of week',
    min: 0,
    max: 7,
    names: ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'],
  },
];

/**
 * Why a cron expression is invalid, or null when it is a valid five-field expression.
 * @public
 */
export function cronExpressionError(expression: string): string | null {
  const parts = expression.trim().split(/\s+/).filter(Boolean);
  if (parts.length !== FIELDS.length) {
    return `must have 5 fields (minute hour day-of-month month day-of-week), got ${parts.length}`;
  }
  for (let i = 0; i < FIELDS.length; i++) {
    const error = fieldError(parts[i], FIELDS[i]);
    if (error) return `${FIELDS[i].name} '${parts[i]}': ${error}`;
  }
  return null;
}

function fieldError(text: string, field: CronField): string | null {
  for (const item of text.split(',')) {
    if (item === '') return 'empty list item';
    const [range, step, ...rest] = item.split('/');
    if (rest.length > 0) return `more than one '/' in '${item}'`;
    if (step !== undefined && !/^\d+$/.test(step)) {
      return `step '${step}' is not a number`;
    }
    if (step !== undefined && Number(step) === 0)
      return 'step must be at least 1';
    if (range === '*') continue;
    const bounds = range.split('-');
    if (bounds.length > 2) return `'${range}' is not a value or range`;
    const values: number[] = [];
    for (const bound of bounds) {
      const value = valueOf(bound, field);
      if (value === undefined) {
        return `'${bound}' is not a value from ${field.min} to ${field.max}${
          field.names ? ` or a name (${field.names.join(', ')})` : ''
        }`;
      }
      values.push(value);
    }
    if (values.length === 2 && values[0] > values[1]) {
      return `range '${range}' runs backwards`;
    }
  }
  return null;
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
