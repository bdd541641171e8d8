import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import knexFactory, { Knex } from 'knex';
import { applySqliteSettings } from './sqliteSettings';

describe('applySqliteSettings', () => {
  let directory: string;
  let db: Knex;

  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'rbc-sqlite-settings-'));
    db = knexFactory({
      client: 'better-sqlite3',
      connection: { filename: join(directory, 'plugin.sqlite') },
      useNullAsDefault: true,
    });
  });

  afterEach(async () => {
    await db.destroy();
    rmSync(directory, { recursive: true, force: true });
  });

  const pragma = async (name: string) =>
    Object.values((await db.raw(`PRAGMA ${name}`))[0])[0];

  it('switches a SQLite file to the write-ahead log, synced at checkpoints', async () => {
    expect(await pragma('journal_mode')).toBe('delete');
    expect(await pragma('synchronous')).toBe(2); // FULL

    await applySqliteSettings(db);

    expect(await pragma('journal_mode')).toBe('wal');
    expect(await pragma('synchronous')).toBe(1); // NORMAL
  });

  it('gives each connection a 64 MiB page cache and a memory map', async () => {
    await applySqliteSettings(db);

    expect(await pragma('cache_size')).toBe(-65536);
    expect(await pragma('mmap_size')).toBe(1073741824);
  });

  it('leaves other databases alone', async () => {
    const raw = jest.fn();
    const postgres = {
      client: { config: { client: 'pg' } },
      raw,
    } as unknown as Knex;
    await applySqliteSettings(postgres);
    expect(raw).not.toHaveBeenCalled();
  });
});
