/**
 * Calls `fn` on each of `items` in order, at most `concurrency` at a time, and stops
 * taking new items once `signal` aborts (those under way finish). Rejects with the first
 * error of `fn`; the other calls under way still finish their current item.
 */
export async function forEachConcurrently<T>(
  items: readonly T[],
  concurrency: number,
  fn: (item: T) => Promise<void>,
  signal?: AbortSignal,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length && !signal?.aborted) {
      await fn(items[next++]);
    }
  };
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, worker),
  );
}
