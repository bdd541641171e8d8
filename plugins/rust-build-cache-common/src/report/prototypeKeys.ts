interface Visit {
  value: unknown;
  key: string;
  parent: Visit | null;
}

function pathOf(visit: Visit): string[] {
  const path: string[] = [];
  for (let at: Visit | null = visit; at?.parent; at = at.parent) {
    path.push(at.key);
  }
  return path.reverse();
}

const hasOwn = Object.prototype.hasOwnProperty;

/**
 * Whether any object in `input` has an own `__proto__` key. Runs on every report, which
 * almost never has one: a stack of values only, no paths, no entry pairs.
 */
function hasPrototypeKey(input: unknown): boolean {
  const pending: unknown[] = [input];
  while (pending.length > 0) {
    const value = pending.pop();
    if (typeof value !== 'object' || value === null) continue;
    if (hasOwn.call(value, '__proto__')) return true;
    // The keys Object.entries gives in findPrototypeKeys (arrays included).
    for (const key of Object.keys(value)) {
      const child = (value as Record<string, unknown>)[key];
      if (typeof child === 'object' && child !== null) pending.push(child);
    }
  }
  return false;
}

/**
 * The paths of every own `__proto__` key in parsed JSON, at any depth. The schema parser
 * drops such keys without a word (copying one would replace an object's prototype), so a
 * map entry named `__proto__` would be lost silently; validateReport refuses it instead.
 * Iterative and linear, as the input may be nested as deeply as the body limit allows.
 */
export function findPrototypeKeys(input: unknown): string[][] {
  if (!hasPrototypeKey(input)) return [];
  const found: string[][] = [];
  const pending: Visit[] = [{ value: input, key: '', parent: null }];
  for (let visit = pending.pop(); visit; visit = pending.pop()) {
    const { value } = visit;
    if (typeof value !== 'object' || value === null) continue;
    if (hasOwn.call(value, '__proto__')) {
      found.push([...pathOf(visit), '__proto__']);
    }
    for (const [key, child] of Object.entries(value)) {
      if (typeof child === 'object' && child !== null) {
        pending.push({ value: child, key, parent: visit });
      }
    }
  }
  return found;
}
