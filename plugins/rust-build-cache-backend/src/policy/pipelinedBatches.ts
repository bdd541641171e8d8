/**
 * Runs `load`, `evaluate` and `save` over batches so that the database works while this
 * process evaluates: the next batch is read, and the previous one written, while the
 * current one is evaluated. At most one read and one write are in flight; writes happen
 * in batch order, each after the previous one finished. The batches may arrive one by one
 * (an async iterable: the catalog's pages): a batch that has not arrived when the current
 * one is loaded is not waited for, the current one is evaluated meanwhile. The first
 * failure is thrown once everything started has settled (no rejection is left unhandled
 * meanwhile).
 */
export async function pipelinedBatches<Batch, Loaded, Result>(
  batches: Iterable<Batch> | AsyncIterable<Batch>,
  steps: {
    load(batch: Batch): Promise<Loaded>;
    evaluate(batch: Batch, loaded: Loaded): Result;
    save(result: Result): Promise<void>;
  },
): Promise<void> {
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
  /** Throws a failure to get a batch once the write under way has finished. */
  const started = async (next: Settled<Started | undefined>) => {
    if (next.ok) return next.value;
    await saving;
    throw next.error;
  };
  let current = await started(await askNext());
  while (current) {
    const loaded = await current.loading;
    if (!loaded.ok) {
      await saving;
      throw loaded.error;
    }
    const asked = askNext();
    // A batch at hand (the rest of a page) starts its read before this one is evaluated;
    // one still coming (the next page) is not waited for.
    let next = await Promise.race([asked, nextMacrotask()]);
    let result: Result;
    try {
      result = steps.evaluate(current.batch, loaded.value);
    } catch (error) {
      const pending = await asked;
      await Promise.all([
        pending.ok ? pending.value?.loading : undefined,
        saving,
      ]);
      throw error;
    }
    const saved = await saving;
    if (!saved.ok) {
      const pending = await asked;
      if (pending.ok) await pending.value?.loading;
      throw saved.error;
    }
    saving = settled(steps.save(result));
    next ??= await asked;
    current = await started(next);
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
