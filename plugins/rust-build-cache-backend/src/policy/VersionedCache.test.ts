import { VersionedCache } from './VersionedCache';

describe('VersionedCache', () => {
  /** A computation that counts its calls and answers `${key}@${call}`. */
  function counting() {
    let calls = 0;
    return {
      compute: (key: string) => async () => `${key}@${++calls}`,
      calls: () => calls,
    };
  }

  it('keeps an answer while the version stays, and drops every answer when it rises', async () => {
    const cache = new VersionedCache(10);
    const { compute, calls } = counting();
    expect(await cache.get(1, 'a', compute('a'))).toBe('a@1');
    expect(await cache.get(1, 'a', compute('a'))).toBe('a@1');
    expect(await cache.get(1, 'b', compute('b'))).toBe('b@2');
    expect(calls()).toBe(2);

    expect(await cache.get(2, 'a', compute('a'))).toBe('a@3');
    expect(await cache.get(2, 'b', compute('b'))).toBe('b@4');
    expect(await cache.get(2, 'a', compute('a'))).toBe('a@3');
  });

  it('answers a read of an older version without keeping it or dropping the newer answers', async () => {
    const cache = new VersionedCache(10);
    const { compute } = counting();
    expect(await cache.get(5, 'a', compute('a'))).toBe('a@1');
    // A request that read the version before the write the first one saw.
    expect(await cache.get(4, 'a', compute('a'))).toBe('a@2');
    expect(await cache.get(4, 'b', compute('b'))).toBe('b@3');
    expect(await cache.get(5, 'a', compute('a'))).toBe('a@1');
    expect(await cache.get(5, 'b', compute('b'))).toBe('b@4');
  });

  it('drops the least recently used answer beyond maxEntries', async () => {
    const cache = new VersionedCache(2);
    const { compute, calls } = counting();
    await cache.get(1, 'a', compute('a'));
    await cache.get(1, 'b', compute('b'));
    await cache.get(1, 'a', compute('a')); // a is now the most recently used
    await cache.get(1, 'c', compute('c')); // drops b
    expect(calls()).toBe(3);
    expect(await cache.get(1, 'a', compute('a'))).toBe('a@1');
    expect(await cache.get(1, 'b', compute('b'))).toBe('b@4');
  });

  it('shares one computation between concurrent callers and keeps no failure', async () => {
    const cache = new VersionedCache(10);
    let calls = 0;
    const failing = () => {
      calls++;
      return Promise.reject(new Error('database gone'));
    };
    const first = cache.get(1, 'a', failing);
    const second = cache.get(1, 'a', failing);
    await expect(first).rejects.toThrow('database gone');
    await expect(second).rejects.toThrow('database gone');
    expect(calls).toBe(1);
    expect(await cache.get(1, 'a', async () => 'recovered')).toBe('recovered');
  });

  it('refuses a size that keeps nothing', () => {
    expect(() => new VersionedCache(0)).toThrow(/positive maxEntries/);
  });
});
