import { useCallback, useEffect, useRef, useState } from 'react';

/** What {@link useOperation} returns. */
export interface Operation<Args extends unknown[], Result> {
  /**
   * Starts the operation. Resolves with its result, or with undefined when it failed (the
   * error is then in `error`): callers never need a try/catch.
   */
  run: (...args: Args) => Promise<Result | undefined>;
  /** True while a call is in flight. */
  running: boolean;
  /** The arguments of the call in flight, e.g. to mark the one row that is busy. */
  runningWith: Args | undefined;
  /** Why the last call failed; cleared when the next one starts. */
  error: Error | undefined;
  clearError: () => void;
}

/**
 * The plugin's one idiom for a change the user starts (save, delete, run now, refresh):
 * busy state, error and result of an async operation. The latest `operation` is always
 * the one called, so it need not be memoised; nothing is set after the component unmounts
 * (dialogs close themselves on success).
 */
export function useOperation<Args extends unknown[], Result>(
  operation: (...args: Args) => Promise<Result>,
): Operation<Args, Result> {
  const operationRef = useRef(operation);
  operationRef.current = operation;
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const [runningWith, setRunningWith] = useState<Args>();
  const [error, setError] = useState<Error>();

  const run = useCallback(async (...args: Args) => {
    setRunningWith(args);
    setError(undefined);
    try {
      return await operationRef.current(...args);
    } catch (e) {
      if (mounted.current) {
        setError(e instanceof Error ? e : new Error(String(e)));
      }
      return undefined;
    } finally {
      if (mounted.current) setRunningWith(undefined);
    }
  }, []);
  const clearError = useCallback(() => setError(undefined), []);

  return {
    run,
    running: runningWith !== undefined,
    runningWith,
    error,
    clearError,
  };
}
