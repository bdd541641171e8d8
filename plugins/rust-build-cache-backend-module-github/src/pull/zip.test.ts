import { writeZip } from '../__testUtils__/zipWriter';
import { readZip, ZipFormatError } from './zip';

const json = (value: unknown) => Buffer.from(JSON.stringify(value));
const select = (name: string) => name.endsWith('.json');

describe('readZip', () => {
  it('reads stored and deflated entries, skipping unselected ones', () => {
    const big = json({ padding: 'x'.repeat(10_000) });
    const zip = writeZip([
      { name: 'a.json', data: json({ a: 1 }) },
      { name: 'notes.txt', data: Buffer.from('ignored') },
      { name: 'dir/b.json', data: big, deflate: true },
    ]);
    expect(zip.length).toBeLessThan(big.length);
    const entries = readZip(zip, { select, maxEntryBytes: 100_000 });
    expect(entries.map(e => e.name)).toEqual(['a.json', 'dir/b.json']);
    expect(entries[1].data.equals(big)).toBe(true);
  });

  it('refuses entries over the limit, also when their header understates the size', () => {
    const big = json({ padding: 'x'.repeat(10_000) });
    expect(() =>
      readZip(writeZip([{ name: 'a.json', data: big, deflate: true }]), {
        select,
        maxEntryBytes: 1000,
      }),
    ).toThrow(/more than the limit of 1000/);
    expect(() =>
      readZip(
        writeZip([{ name: 'a.json', data: big, deflate: true, size: 10 }]),
        { select, maxEntryBytes: 1000 },
      ),
    ).toThrow(ZipFormatError);
  });

  it('refuses what is not a readable zip', () => {
    const zip = writeZip([{ name: 'a.json', data: json({ a: 1 }) }]);
    expect(() =>
      readZip(Buffer.from('not a zip at all, not even close'), {
        select,
        maxEntryBytes: 1000,
      }),
    ).toThrow(/no end of central directory/);
    expect(() =>
      readZip(zip.subarray(20), { select, maxEntryBytes: 1000 }),
    ).toThrow(ZipFormatError);
    const flipped = Buffer.from(zip);
    flipped[30 + 6 + 2] ^= 0xff; // a byte of the stored data, after header and name
    expect(() => readZip(flipped, { select, maxEntryBytes: 1000 })).toThrow(
      /CRC/,
    );
  });
});
