/**
 * Runs `load`, `evaluate` and `save` over batches so that the database works while this
 * process evaluates: the next batches are read, and the previous one written, while the
 * current one is evaluated. At most `readsAhead` reads (default 1) and one write are in
 * flight; writes happen in batch order, each after the previous one finished. The batches
 * may arrive one by one (an async iterable: the catalog's pages): a batch that has not
 * arrived when the current one is loaded is not waited for, the current one is evaluated
 * meanwhile. The first failure is thrown once everything started has settled (no
 * rejection is left unhandled meanwhile).
 */
export async function pipelinedBatches<Batch, Loaded, Result>(
  batches: Iterable<Batch> | AsyncIterable<Batch>,
  steps: {
    load(batch: Batch): Promise<Loaded>;
    evaluate(batch: Batch, loaded: Loaded): Result;
    save(result: Result): Promise<void>;
  },
  options: { readsAhead?: number } = {},
): Promise<void> {
  const readsAhead = Math.max(1, Math.floor(options.readsAhead ?? 1));
  const iterator =
    Symbol.asyncIterator in batches
      ? batches[Symbol.asyncIterator]()
      : batches[Symbol.iterator]();
  let saving: Promise<Settled<void>> = Promise.resolve({
    ok: true,
    value: undefined,
  });
  type Started = { batch: Batch; loading: Promise<Settled<Loaded>> };
  /** The next batch, asked for now; undefined when there is none. */
  const askNext = () =>
    settled(Promise.resolve(iterator.next())).then(
      (next): Settled<Started | undefined> =>
        next.ok
          ? {
              ok: true,
              value: next.value.done
                ? undefined
                : {
                    batch: next.value.value,
                    loading: settled(steps.load(next.value.value)),
                  },
            }
          : next,
    );
  /** The batches asked for after the current one, in order, each read as it arrives. */
  const ahead: Array<Promise<Settled<Started | undefined>>> = [];
  const askAhead = () => {
    while (ahead.length < readsAhead) ahead.push(askNext());
  };
  /** After a failure: waits for the reads and the write under way. */
  const settleStarted = async () => {
    for (const asked of ahead.splice(0)) {
      const next = await asked;
      if (next.ok) await next.value?.loading;
    }
    await saving;
  };
  /** The next batch; a failure to get it is thrown once the rest has settled. */
  const takeNext = async () => {
    if (ahead.length === 0) askAhead();
    const next = await ahead.shift()!;
    if (next.ok) return next.value;
    await settleStarted();
    throw next.error;
  };
  let current = await takeNext();
  while (current) {
    const loaded = await current.loading;
    if (!loaded.ok) {
      await settleStarted();
      throw loaded.error;
    }
    askAhead();
    // Batches at hand (the rest of a page) start their reads before this one is
    // evaluated; one still coming (the next page) is not waited for.
    await Promise.race([Promise.all(ahead), nextMacrotask()]);
    let result: Result;
    try {
      result = steps.evaluate(current.batch, loaded.value);
    } catch (error) {
      await settleStarted();
      throw error;
    }
    const saved = await saving;
    if (!saved.ok) {
      await settleStarted();
      throw saved.error;
    }
    saving = settled(steps.save(result));
    current = await takeNext();
  }
  const saved = await saving;
  if (!saved.ok) throw saved.error;
}

type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

/** The promise's outcome as a value: a rejection is handled as soon as it happens. */
function settled<T>(promise: Promise<T>): Promise<Settled<T>> {
  return promise.then(
    value => ({ ok: true as const, value }),
    error => ({ ok: false as const, error }),
  );
}

/** Resolves after the promises settled by microtasks now: what is at hand has arrived. */
function nextMacrotask(): Promise<undefined> {
  return new Promise(resolve => setImmediate(() => resolve(undefined)));
}
