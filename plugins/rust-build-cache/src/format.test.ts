import {
  formatBytes,
  formatCount,
  formatPercent,
  formatSeconds,
  formatTimestamp,
  shortCommit,
} from './format';

describe('format', () => {
  it('formats ratios as percentages with one decimal', () => {
    expect(formatPercent(0.8734)).toBe('87.3%');
    expect(formatPercent(1)).toBe('100.0%');
    expect(formatPercent(0)).toBe('0.0%');
    expect(formatPercent(null)).toBe('–');
  });

  it('formats bytes in binary units', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(7558756)).toBe('7.2 MiB');
    expect(formatBytes(10737418240)).toBe('10.0 GiB');
    expect(formatBytes(null)).toBe('–');
  });

  it('formats seconds', () => {
    expect(formatSeconds(4.21)).toBe('4.2 s');
    expect(formatSeconds(192)).toBe('3 min 12 s');
    expect(formatSeconds(3900)).toBe('1 h 5 min');
    expect(formatSeconds(undefined)).toBe('–');
  });

  it('formats counts, timestamps and commits', () => {
    expect(formatCount(12345)).toBe('12,345');
    expect(formatTimestamp('2026-11-27T16:58:17.844Z')).toBe(
      '2026-11-27 16:58 UTC',
    );
    expect(formatTimestamp(null)).toBe('–');
    expect(shortCommit('59807616e0123456789')).toBe('5980761');
    expect(shortCommit(null)).toBe('–');
  });
});
