/**
 * Items added by id, e.g. through an extension point: a second item with an id already
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
    get(id: string): T | undefined {
      return items.get(id);
    },
    ids(): IterableIterator<string> {
      return items.keys();
    },
    values(): T[] {
      return [...items.values()];
    },
  };
}
