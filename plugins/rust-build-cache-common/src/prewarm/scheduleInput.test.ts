import {
  matchesPrewarmScope,
  validatePrewarmScheduleInput,
} from './scheduleInput';
import { cronExpressionError, isValidTimeZone } from './cron';

const valid = {
  name: 'Nightly',
  cron: '0 3 * * 1-5',
  timeZone: 'Europe/Berlin',
  scope: { owners: ['Group:default/Payments'], tags: ['rust'], entityRefs: [] },
  executorId: 'local',
  concurrency: 2,
  timeLimitMinutes: 60,
};

describe('validatePrewarmScheduleInput', () => {
  it('accepts a valid schedule and lower-cases refs', () => {
    const result = validatePrewarmScheduleInput(valid);
    expect(result).toEqual({
      ok: true,
      value: {
        ...valid,
        scope: { ...valid.scope, owners: ['group:default/payments'] },
      },
    });
  });

  it.each([
    [{ name: '  ' }, 'name', 'must not be empty'],
    [{ cron: '0 3 * *' }, 'cron', 'must have 5 fields'],
    [{ cron: '0 0 3 * * *' }, 'cron', 'must have 5 fields'],
    [{ cron: '61 3 * * *' }, 'cron', "minute '61'"],
    [{ cron: '0 24 * * *' }, 'cron', "hour '24'"],
    [{ cron: '0 3 0 * *' }, 'cron', "day of month '0'"],
    [{ cron: '0 3 * 13 *' }, 'cron', "month '13'"],
    [{ cron: '0 3 * * 8' }, 'cron', "day of week '8'"],
    [{ cron: '0 3 * * fri-mon' }, 'cron', 'runs backwards'],
    [{ cron: '*/0 3 * * *' }, 'cron', 'step must be at least 1'],
    [{ timeZone: 'Mars/Olympus' }, 'timeZone', 'IANA time zone'],
    [{ timeZone: '+01:00' }, 'timeZone', 'IANA time zone'],
    [{ executorId: '' }, 'executorId', 'must name an executor'],
    [{ concurrency: 0 }, 'concurrency', ''],
    [{ concurrency: 17 }, 'concurrency', ''],
    [{ concurrency: 1.5 }, 'concurrency', 'whole number'],
    [{ timeLimitMinutes: 0 }, 'timeLimitMinutes', ''],
    [{ timeLimitMinutes: 721 }, 'timeLimitMinutes', ''],
    [
      { scope: { owners: [''], tags: [], entityRefs: [] } },
      'scope.owners.0',
      'must not be empty',
    ],
    [{ scope: { owners: [], tags: [] } }, 'scope.entityRefs', ''],
  ])('rejects %j naming %s', (change, path, message) => {
    const result = validatePrewarmScheduleInput({ ...valid, ...change });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toEqual([
      { path, message: expect.stringContaining(message) },
    ]);
  });

  it.each([
    '*/15 * * * *',
    '0 3 * * MON-FRI',
    '0 0 1,15 jan,jul *',
    '5 4 * * 0,7',
    '0-30/10 8-18 * * *',
    '0 0 29 2 *',
    '0 0 30,31 2,3 *',
    // Both day fields restricted: a day matching either fires (the cron package's rule).
    '0 0 31 2 1',
    '0 0 31 2 */2',
    // A day of month of 1-31 restricts nothing: Mondays in February.
    '0 0 1-31 2 1',
  ])('accepts the cron expression %s', cron => {
    expect(cronExpressionError(cron)).toBeNull();
  });

  it.each([
    ['0 0 31 2 *', 'never fires: February has no day 31'],
    ['0 0 30 feb *', 'never fires: February has no day 30'],
    ['0 0 30,31 2 *', 'never fires: February has no day 30 or 31'],
    [
      '0 0 31 4,6,9,11 *',
      'never fires: April, June, September and November have no day 31',
    ],
    ['0 0 31 2 0-7', 'never fires: February has no day 31'],
    ['0 0 31/5 2 *', 'never fires: February has no day 31'],
  ])('rejects %s, which never fires', (cron, message) => {
    expect(cronExpressionError(cron)).toBe(message);
    const result = validatePrewarmScheduleInput({ ...valid, cron });
    expect(result).toEqual({ ok: false, issues: [{ path: 'cron', message }] });
  });

  it('knows IANA time zones', () => {
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('America/New_York')).toBe(true);
    expect(isValidTimeZone('Nowhere/City')).toBe(false);
  });
});

describe('matchesPrewarmScope', () => {
  const billing = {
    entityRef: 'component:default/billing',
    owner: 'group:default/payments',
    tags: ['rust', 'tier-1'],
  };
  it.each([
    [{ owners: [], tags: [], entityRefs: [] }, true],
    [{ owners: ['group:default/payments'], tags: [], entityRefs: [] }, true],
    [{ owners: ['group:default/search'], tags: [], entityRefs: [] }, false],
    [
      { owners: ['group:default/payments'], tags: ['tier-2'], entityRefs: [] },
      false,
    ],
    [{ owners: [], tags: ['tier-1'], entityRefs: [] }, true],
    [{ owners: [], tags: [], entityRefs: ['component:default/other'] }, false],
    [{ owners: [], tags: [], entityRefs: ['Component:default/Billing'] }, true],
    [
      {
        owners: ['group:default/search'],
        tags: [],
        entityRefs: ['component:default/billing'],
      },
      true,
    ],
  ])('scope %j → %s', (scope, expected) => {
    expect(matchesPrewarmScope(billing, scope)).toBe(expected);
  });
});
