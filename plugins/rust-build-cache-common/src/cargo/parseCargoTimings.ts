import type { CargoTimings, TimingUnit } from '../report/schema';
import { clip, describeValue, isJsonObject } from '../util/json';

/** Thrown for HTML that is not cargo's `--timings` report; the message names the problem. @public */
export class CargoTimingsError extends Error {
  constructor(problem: string) {
    super(`cargo timings: ${problem}`);
    this.name = 'CargoTimingsError';
  }
}

const UNIT_DATA = /\bUNIT_DATA\s*=\s*\[/;

/**
 * Reads the `UNIT_DATA` array that `cargo build --timings` embeds in
 * `cargo-timing.html` (cargo 1.95 format) and returns the build's length (the latest
 * `start + duration`), the number of units and the `slowestN` slowest units.
 *
 * A unit's `target` is cargo's label with the leading space removed: `lib` for a library
 * (cargo leaves it empty), `tinyproj "bin"`, `build-script`, `build-script (run)`.
 * @public
 */
export function parseCargoTimingsHtml(
  html: string,
  slowestN = 10,
): CargoTimings {
  if (!Number.isInteger(slowestN) || slowestN < 0 || slowestN > 100) {
    throw new RangeError(
      `slowestN must be an integer from 0 to 100 (got ${slowestN})`,
    );
  }
  const units = readUnitData(html).map(readUnit);
  const totalSeconds = units.reduce(
    (latest, unit) => Math.max(latest, unit.start + unit.duration),
    0,
  );
  const slowest = [...units]
    .sort((a, b) => b.duration - a.duration)
    .slice(0, slowestN)
    .map(
      ({ start: _start, duration, ...unit }): TimingUnit => ({
        ...unit,
        seconds: duration,
      }),
    );
  // Cargo prints hundredths; the sum of two of them picks up binary noise (0.26 + 0.08).
  return {
    totalSeconds: Math.round(totalSeconds * 1000) / 1000,
    unitCount: units.length,
    slowest,
  };
}

function readUnitData(html: string): unknown[] {
  const found = UNIT_DATA.exec(html);
  if (!found)
    throw new CargoTimingsError(
      'no UNIT_DATA in the HTML: is this the cargo-timing.html of `cargo build --timings`?',
    );
  const start = found.index + found[0].length - 1;
  const end = findClosingBracket(html, start);
  if (end < 0)
    throw new CargoTimingsError('UNIT_DATA is not a complete JSON array');
  try {
    return JSON.parse(html.slice(start, end + 1)) as unknown[];
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CargoTimingsError(`UNIT_DATA is not valid JSON: ${reason}`);
  }
}

/** Index of the `]` that closes the JSON array opened at `open`, skipping string contents. */
function findClosingBracket(text: string, open: number): number {
  let depth = 0;
  let inString = false;
  for (let i = open; i < text.length; i++) {
    const char = text[i];
    if (inString) {
      if (char === '\\') i++;
      else if (char === '"') inString = false;
    } else if (char === '"') {
      inString = true;
    } else if (char === '[' || char === '{') {
      depth++;
    } else if (char === ']' || char === '}') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

interface Unit extends Omit<TimingUnit, 'seconds'> {
  start: number;
  duration: number;
}

function readUnit(entry: unknown, index: number): Unit {
  const where = `UNIT_DATA[${index}]`;
  if (!isJsonObject(entry))
    throw new CargoTimingsError(
      `${where} must be an object (got ${describeValue(entry)})`,
    );
  const text = (key: string): string => {
    const value = entry[key];
    if (typeof value !== 'string')
      throw new CargoTimingsError(
        `${where}.${key} must be a string (got ${describeValue(value)})`,
      );
    return value;
  };
  const seconds = (key: string): number => {
    const value = entry[key];
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      throw new CargoTimingsError(
        `${where}.${key} must be a number of seconds (got ${describeValue(
          value,
        )})`,
      );
    }
    return value;
  };
  return {
    name: clip(text('name'), 300),
    version: clip(text('version'), 100),
    target: clip(text('target').trim() || 'lib', 300),
    mode: clip(text('mode'), 50),
    start: seconds('start'),
    duration: seconds('duration'),
  };
}
