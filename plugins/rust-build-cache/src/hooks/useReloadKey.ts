import { useCallback, useState } from 'react';

/**
 * The plugin's one idiom for reloading data after a change: the component that knows
 * about the change owns a reload key, passes it to the data hooks below it (each lists it
 * among its dependencies) and calls `reload` to load them again. While they reload, the
 * hooks keep the previous `value` on screen.
 */
export function useReloadKey(): [reloadKey: number, reload: () => void] {
  const [reloadKey, setReloadKey] = useState(0);
  const reload = useCallback(() => setReloadKey(key => key + 1), []);
  return [reloadKey, reload];
}
