/**
 * What modules add through an extension point, by id: a second item with an id already
 * added throws, naming the kind of item (e.g. "pull provider") and the id.
 */
export function createUniqueRegistry<T extends { id: string }>(kind: string) {
  const items = new Map<string, T>();
  return {
    add(...added: T[]): void {
      for (const item of added) {
        if (items.has(item.id)) {
          throw new Error(
            `A ${kind} with id '${item.id}' is already registered`,
          );
        }
        items.set(item.id, item);
      }
    },
    ids(): IterableIterator<string> {
      return items.keys();
    },
    values(): T[] {
      return [...items.values()];
    },
  };
}
