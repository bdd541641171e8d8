/**
 * Runs `load`, `evaluate` and `save` over batches so that the database works while this
 * process evaluates: the next batch is read, and the previous one written, while the
 * current one is evaluated. At most one read and one write are in flight; writes happen
 * in batch order, each after the previous one finished. The batches may arrive one by one
 * (an async iterable: the catalog's pages), so that the first is read and evaluated while
 * later pages are still coming. The first failure is thrown once everything started has
 * settled (no rejection is left unhandled meanwhile).
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
  /** The next batch and its read under way; a failure to get the batch waits for the write. */
  const startNext = async () => {
    const next = await settled(Promise.resolve(iterator.next()));
    if (!next.ok) {
      await saving;
      throw next.error;
    }
    return next.value.done
      ? undefined
      : {
          batch: next.value.value,
          loading: settled(steps.load(next.value.value)),
        };
  };
  let current = await startNext();
  while (current) {
    const loaded = await current.loading;
    if (!loaded.ok) {
      await saving;
      throw loaded.error;
    }
    const next = await startNext();
    let result: Result;
    try {
      result = steps.evaluate(current.batch, loaded.value);
    } catch (error) {
      await Promise.all([next?.loading, saving]);
      throw error;
    }
    const saved = await saving;
    if (!saved.ok) {
      await next?.loading;
      throw saved.error;
    }
    saving = settled(steps.save(result));
    current = next;
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
