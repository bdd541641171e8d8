import { forEachConcurrently } from './forEachConcurrently';

describe('forEachConcurrently', () => {
  it('takes every item in order, never more than `concurrency` at a time', async () => {
    const started: number[] = [];
    let running = 0;
    let mostRunning = 0;
    await forEachConcurrently([1, 2, 3, 4, 5, 6, 7], 3, async item => {
      started.push(item);
      running++;
      mostRunning = Math.max(mostRunning, running);
      await new Promise(resolve => setTimeout(resolve, 5 * (item % 3)));
      running--;
    });
    expect(started).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(mostRunning).toBe(3);
  });

  it('takes no new item once the signal aborts', async () => {
    const controller = new AbortController();
    const done: number[] = [];
    await forEachConcurrently(
      [1, 2, 3, 4],
      1,
      async item => {
        done.push(item);
        if (item === 2) controller.abort();
      },
      controller.signal,
    );
    expect(done).toEqual([1, 2]);
  });

  it('rejects with the error of an item', async () => {
    await expect(
      forEachConcurrently([1, 2], 2, async item => {
        if (item === 2) throw new Error('item 2 failed');
      }),
    ).rejects.toThrow('item 2 failed');
  });

  it('does nothing for no items', async () => {
    const fn = jest.fn();
    await forEachConcurrently([], 4, fn);
    expect(fn).not.toHaveBeenCalled();
  });
});
