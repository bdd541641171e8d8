import { toComplianceTrendRows, trendLevels } from './complianceTrendRows';

const levels = (bronze: number, silver: number) => [
  { levelId: 'bronze', title: 'Bronze', entities: bronze, share: bronze / 4 },
  { levelId: 'silver', title: 'Silver', entities: silver, share: silver / 4 },
];

describe('toComplianceTrendRows', () => {
  const trend = {
    days: 4,
    points: [
      {
        day: '2026-11-25',
        entities: 4,
        compliant: 1,
        compliance: 0.25,
        levels: levels(4, 1),
      },
      {
        day: '2026-11-27',
        entities: 4,
        compliant: 2,
        compliance: 0.5,
        levels: levels(4, 2),
      },
    ],
  };

  it('has one row per day of the window, in percent, with gaps on days without a snapshot', () => {
    expect(toComplianceTrendRows(trend, '2026-11-27')).toEqual([
      {
        day: '2026-11-24',
        compliance: null,
        entities: 0,
        'level:bronze': null,
        'level:silver': null,
      },
      {
        day: '2026-11-25',
        compliance: 25,
        entities: 4,
        'level:bronze': 100,
        'level:silver': 25,
      },
      {
        day: '2026-11-26',
        compliance: null,
        entities: 0,
        'level:bronze': null,
        'level:silver': null,
      },
      {
        day: '2026-11-27',
        compliance: 50,
        entities: 4,
        'level:bronze': 100,
        'level:silver': 50,
      },
    ]);
  });

  it('ends the window at today when the newest snapshot is older', () => {
    const rows = toComplianceTrendRows(trend, '2026-11-29');
    expect(rows.map(row => row.day)).toEqual([
      '2026-11-26',
      '2026-11-27',
      '2026-11-28',
      '2026-11-29',
    ]);
  });

  it('lists the levels in the order of the snapshots', () => {
    expect(trendLevels(trend)).toEqual([
      { id: 'bronze', title: 'Bronze' },
      { id: 'silver', title: 'Silver' },
    ]);
  });
});
