/**
 * The executor's promise, or, once `signal` aborts, a rejection after `graceMs` if the
 * executor has not stopped by then, so a stuck executor cannot hold its run forever.
 */
export function withAbortGrace<T>(
  promise: Promise<T>,
  signal: AbortSignal,
  graceMs: number,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let timer: NodeJS.Timeout | undefined;
    const onAbort = () => {
      timer = setTimeout(
        () =>
          reject(
            new Error(
              `the executor did not stop within ${graceMs} ms of being aborted`,
            ),
          ),
        graceMs,
      );
    };
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      value => {
        if (timer) clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      error => {
        if (timer) clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
