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

/**
 * The paths of every own `__proto__` key in parsed JSON, at any depth. The schema parser
 * drops such keys without a word (copying one would replace an object's prototype), so a
 * map entry named `__proto__` would be lost silently; validateReport refuses it instead.
 * Iterative and linear, as the input may be nested as deeply as the body limit allows.
 */
export function findPrototypeKeys(input: unknown): string[][] {
  const found: string[][] = [];
  const pending: Visit[] = [{ value: input, key: '', parent: null }];
  for (let visit = pending.pop(); visit; visit = pending.pop()) {
    const { value } = visit;
    if (typeof value !== 'object' || value === null) continue;
    if (Object.prototype.hasOwnProperty.call(value, '__proto__')) {
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
