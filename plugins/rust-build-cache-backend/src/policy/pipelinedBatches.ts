/**
 * Runs `load`, `evaluate` and `save` over batches so that the database works while this
 * process evaluates: the next batch is read, and the previous one written, while the
 * current one is evaluated. At most one read and one write are in flight; writes happen
 * in batch order, each after the previous one finished. The first failure is thrown once
 * everything started has settled (no rejection is left unhandled meanwhile).
 */
export async function pipelinedBatches<Batch, Loaded, Result>(
  batches: Batch[],
  steps: {
    load(batch: Batch): Promise<Loaded>;
    evaluate(batch: Batch, loaded: Loaded): Result;
    save(result: Result): Promise<void>;
  },
): Promise<void> {
  let loading = batches.length ? settled(steps.load(batches[0])) : undefined;
  let saving: Promise<Settled<void>> = Promise.resolve({
    ok: true,
    value: undefined,
  });
  for (let i = 0; i < batches.length; i++) {
    const loaded = await loading!;
    if (!loaded.ok) {
      await saving;
      throw loaded.error;
    }
    loading =
      i + 1 < batches.length ? settled(steps.load(batches[i + 1])) : undefined;
    let result: Result;
    try {
      result = steps.evaluate(batches[i], loaded.value);
    } catch (error) {
      await Promise.all([loading, saving]);
      throw error;
    }
    const saved = await saving;
    if (!saved.ok) {
      await loading;
      throw saved.error;
    }
    saving = settled(steps.save(result));
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
