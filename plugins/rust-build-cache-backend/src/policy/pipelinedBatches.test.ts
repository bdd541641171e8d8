import { pipelinedBatches } from './pipelinedBatches';

/** A promise settled from outside, to control the order of events. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const tick = () => new Promise(resolve => setImmediate(resolve));

/** Steps that load, evaluate and save a number as itself, recording each in `events`. */
function recordingSteps(events: string[]) {
  return {
    load: async (batch: number) => {
      events.push(`load ${batch}`);
      return batch;
    },
    evaluate: (batch: number) => {
      events.push(`evaluate ${batch}`);
      return batch;
    },
    save: async (result: number) => {
      events.push(`save ${result}`);
    },
  };
}

describe('pipelinedBatches', () => {
  it('reads the next batch and writes the previous one while evaluating', async () => {
    const events: string[] = [];
    const loads = [1, 2, 3].map(() => deferred<number>());
    const saves = [1, 2, 3].map(() => deferred<void>());
    const done = pipelinedBatches([1, 2, 3], {
      load: batch => {
        events.push(`load ${batch}`);
        return loads[batch - 1].promise;
      },
      evaluate: (batch, loaded) => {
        events.push(`evaluate ${batch}`);
        return loaded * 10;
      },
      save: result => {
        events.push(`save ${result}`);
        return saves[result / 10 - 1].promise;
      },
    });
    await tick();
    expect(events).toEqual(['load 1']);
    loads[0].resolve(1);
    await tick();
    // Batch 2 is read while batch 1 is evaluated and written.
    expect(events).toEqual(['load 1', 'load 2', 'evaluate 1', 'save 10']);
    loads[1].resolve(2);
    await tick();
    // Batch 2 is evaluated while batch 1 is still written; its write waits for batch 1's.
    expect(events.slice(4)).toEqual(['load 3', 'evaluate 2']);
    saves[0].resolve();
    await tick();
    expect(events.slice(6)).toEqual(['save 20']);
    loads[2].resolve(3);
    saves[1].resolve();
    await tick();
    expect(events.slice(7)).toEqual(['evaluate 3', 'save 30']);
    let finished = false;
    done.then(() => (finished = true));
    await tick();
    expect(finished).toBe(false);
    saves[2].resolve();
    await done;
  });

  it('reads as many batches ahead as asked, never more', async () => {
    const events: string[] = [];
    const loads = [1, 2, 3, 4].map(() => deferred<number>());
    let reading = 0;
    let mostReading = 0;
    const done = pipelinedBatches(
      [1, 2, 3, 4],
      {
        load: batch => {
          events.push(`load ${batch}`);
          mostReading = Math.max(mostReading, ++reading);
          return loads[batch - 1].promise.finally(() => reading--);
        },
        evaluate: batch => {
          events.push(`evaluate ${batch}`);
          return batch;
        },
        save: async result => {
          events.push(`save ${result}`);
        },
      },
      { readsAhead: 2 },
    );
    await tick();
    // The first two reads start at once.
    expect(events).toEqual(['load 1', 'load 2']);
    loads[0].resolve(1);
    await tick();
    // Batches 2 and 3 are read while batch 1 is evaluated.
    expect(events).toEqual([
      'load 1',
      'load 2',
      'load 3',
      'evaluate 1',
      'save 1',
    ]);
    loads[2].resolve(3);
    await tick();
    // Batch 2 is still read: nothing more is asked for meanwhile.
    expect(events.slice(5)).toEqual([]);
    loads[1].resolve(2);
    await tick();
    expect(events.slice(5)).toEqual([
      'load 4',
      'evaluate 2',
      'save 2',
      'evaluate 3',
      'save 3',
    ]);
    loads[3].resolve(4);
    await done;
    expect(events.slice(10)).toEqual(['evaluate 4', 'save 4']);
    expect(mostReading).toBe(2);
  });

  it('throws a failed read once the other read under way has settled', async () => {
    const loads = [1, 2].map(() => deferred<number>());
    const evaluate = jest.fn();
    let failure: unknown;
    const done = pipelinedBatches(
      [1, 2],
      {
        load: batch => loads[batch - 1].promise,
        evaluate,
        save: async () => {},
      },
      { readsAhead: 2 },
    ).catch(error => {
      failure = error;
    });
    loads[0].reject(new Error('read 1 failed'));
    await tick();
    // Batch 2 is still read: the failure waits for it.
    expect(failure).toBeUndefined();
    loads[1].resolve(2);
    await done;
    expect(failure).toEqual(new Error('read 1 failed'));
    expect(evaluate).not.toHaveBeenCalled();
  });

  it('does nothing without batches', async () => {
    const load = jest.fn();
    await pipelinedBatches([], { load, evaluate: jest.fn(), save: jest.fn() });
    expect(load).not.toHaveBeenCalled();
  });

  it('throws a failed write once the read under way has settled, and stops', async () => {
    const unhandled = jest.fn();
    process.on('unhandledRejection', unhandled);
    try {
      const evaluate = jest.fn((batch: number) => batch);
      const save = jest.fn(async (result: number) => {
        if (result === 1) throw new Error('write failed');
      });
      await expect(
        pipelinedBatches([1, 2, 3], {
          load: async batch => batch,
          evaluate: (_batch, loaded) => evaluate(loaded),
          save,
        }),
      ).rejects.toThrow('write failed');
      // Batch 2 was evaluated while batch 1 was written, but never written itself.
      expect(save.mock.calls).toEqual([[1]]);
      expect(evaluate.mock.calls.map(([batch]) => batch)).toEqual([1, 2]);
      await tick();
      expect(unhandled).not.toHaveBeenCalled();
    } finally {
      process.off('unhandledRejection', unhandled);
    }
  });

  it('throws a failed read after the write under way, without evaluating it', async () => {
    const saved: number[] = [];
    const evaluate = jest.fn((_batch: number, loaded: number) => loaded);
    await expect(
      pipelinedBatches([1, 2, 3], {
        load: async batch => {
          if (batch === 2) throw new Error('read failed');
          return batch;
        },
        evaluate,
        save: async result => {
          await tick();
          saved.push(result);
        },
      }),
    ).rejects.toThrow('read failed');
    expect(saved).toEqual([1]);
    expect(evaluate).toHaveBeenCalledTimes(1);
  });

  it('throws an evaluation error after the read and write under way', async () => {
    const saved: number[] = [];
    await expect(
      pipelinedBatches([1, 2, 3], {
        load: async batch => batch,
        evaluate: batch => {
          if (batch === 2) throw new Error('rule failed');
          return batch;
        },
        save: async result => {
          await tick();
          saved.push(result);
        },
      }),
    ).rejects.toThrow('rule failed');
    expect(saved).toEqual([1]);
  });

  it('takes batches as they arrive: the first is read before the next arrives', async () => {
    const events: string[] = [];
    const secondPage = deferred<void>();
    async function* arriving() {
      events.push('page 1');
      yield 1;
      await secondPage.promise;
      events.push('page 2');
      yield 2;
    }
    const done = pipelinedBatches(arriving(), recordingSteps(events));
    await tick();
    expect(events).toEqual(['page 1', 'load 1']);
    secondPage.resolve();
    await done;
    expect(events).toEqual([
      'page 1',
      'load 1',
      'page 2',
      'load 2',
      'evaluate 1',
      'save 1',
      'evaluate 2',
      'save 2',
    ]);
  });

  it('throws a failure of the batches after the write under way', async () => {
    const saved: number[] = [];
    async function* failing() {
      yield 1;
      yield 2;
      throw new Error('catalog unavailable');
    }
    await expect(
      pipelinedBatches(failing(), {
        load: async batch => batch,
        evaluate: batch => batch,
        save: async result => {
          await tick();
          saved.push(result);
        },
      }),
    ).rejects.toThrow('catalog unavailable');
    // The batches that arrived were evaluated and written, then the failure was thrown.
    expect(saved).toEqual([1, 2]);
  });

  it('evaluates and writes a batch while the next one is still coming', async () => {
    const events: string[] = [];
    const nextPage = deferred<void>();
    async function* slowSecondPage() {
      yield 1;
      await nextPage.promise;
      yield 2;
    }
    const done = pipelinedBatches(slowSecondPage(), recordingSteps(events));
    for (let i = 0; i < 5; i++) await tick();
    expect(events).toEqual(['load 1', 'evaluate 1', 'save 1']);
    nextPage.resolve();
    await done;
    expect(events.slice(3)).toEqual(['load 2', 'evaluate 2', 'save 2']);
  });
});
