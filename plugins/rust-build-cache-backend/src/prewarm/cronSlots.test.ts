import { cronExpressionError } from '@rust-build-cache/plugin-rust-build-cache-common';
import { nextSlot, scheduleTimesError } from './cronSlots';

const NOW = new Date('2026-11-27T10:00:00Z');

describe('scheduleTimesError', () => {
  it('is null for a schedule with a next run', () => {
    expect(scheduleTimesError('0 3 * * 1-5', 'Europe/Berlin', NOW)).toBeNull();
    expect(scheduleTimesError('0 0 29 2 *', 'UTC', NOW)).toBeNull();
  });

  it('names the cron field of an expression that never fires', () => {
    expect(scheduleTimesError('0 0 31 2 *', 'Europe/Berlin', NOW)).toBe(
      "cron: '0 0 31 2 *' never fires: no run time in the next 8 years in Europe/Berlin",
    );
  });

  it('names the field the scheduler library does not understand', () => {
    expect(scheduleTimesError('0 3 * * blah', 'UTC', NOW)).toMatch(
      /^cron: '0 3 \* \* blah' is not understood by the scheduler \(Unknown alias: bla\)$/,
    );
    expect(scheduleTimesError('0 3 * * *', 'Mars/Olympus', NOW)).toMatch(
      /^timeZone: 'Mars\/Olympus' is not a time zone the scheduler knows/,
    );
  });
});

/** A small seeded generator (mulberry32), so that a failure names a reproducible case. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('the browser-safe check in -common and the scheduler library', () => {
  it('agree on which day, month and weekday combinations ever fire', () => {
    const seed = 20261127;
    const next = random(seed);
    const pick = <T>(items: T[]) => items[Math.floor(next() * items.length)];
    const days = [
      '*',
      '1',
      '28',
      '29',
      '30',
      '31',
      '29-31',
      '30,31',
      '31/2',
      '*/10',
      '1-31',
    ];
    const months = [
      '*',
      '2',
      'feb',
      '4,6,9,11',
      '2,4',
      '1-3',
      '*/2',
      '2/12',
      'apr-jun',
    ];
    const weekdays = ['*', '0-7', '1', 'mon-fri', '*/2', '7', '0-6'];
    const disagreements: string[] = [];
    let neverFire = 0;
    for (let i = 0; i < 300; i++) {
      const cron = `0 4 ${pick(days)} ${pick(months)} ${pick(weekdays)}`;
      const browser = cronExpressionError(cron) === null;
      const library = scheduleTimesError(cron, 'Europe/Berlin', NOW) === null;
      if (!library) neverFire += 1;
      if (browser !== library) {
        disagreements.push(
          `${cron}: -common ${browser}, cron package ${library}`,
        );
      }
    }
    if (disagreements.length > 0) {
      throw new Error(`seed ${seed}:\n${disagreements.join('\n')}`);
    }
    // Both answers were tried often enough to mean something.
    expect(neverFire).toBeGreaterThan(10);
    expect(neverFire).toBeLessThan(280);
  });
});

describe('nextSlot', () => {
  it('computes the next run in the time zone', () => {
    expect(nextSlot('0 3 * * *', 'Europe/Berlin', NOW).toISOString()).toBe(
      '2026-11-28T02:00:00.000Z',
    );
  });
});
