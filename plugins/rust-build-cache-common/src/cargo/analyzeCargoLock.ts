import type { DependencyInfo } from '../report/schema';
import { describeValue, isJsonObject } from '../util/json';
import { sha256Hex } from '../util/sha256Hex';
import { parseTomlDocument } from '../util/toml';
import { readCanonicalCargoLock } from './readCanonicalCargoLock';

/** Thrown for a Cargo.lock that cannot be read; the message names the problem. @public */
export class CargoLockError extends Error {
  constructor(problem: string) {
    super(`Cargo.lock: ${problem}`);
    this.name = 'CargoLockError';
  }
}

/** (name, version, source, checksum): what pins one dependency's content. */
type PackageTuple = [
  name: string,
  version: string,
  source: string,
  checksum: string | null,
];

/**
 * Reads a Cargo.lock of any format (v1 to v4): its format version, how many packages come
 * from registries, git and paths, and a fingerprint of the dependencies that stays the same
 * across lock formats and workspace version bumps:
 *
 * sha256 (lowercase hex) of the compact JSON of the sorted `[name, version, source, checksum]`
 * tuples of the packages that have a `source`. Checksums come inline (v2+) or from the v1
 * `[metadata]` table, are kept as written (Debian writes "Could not get crate checksum") and
 * are null when absent. Path packages (no `source`) are left out. A git source is reduced
 * to `git+<url>#<commit>`: the commit pins the content, while the `?branch=` query is written
 * differently by v3 and v4.
 * @public
 */
export function analyzeCargoLock(content: string): DependencyInfo {
  const lock: Record<string, unknown> =
    readCanonicalCargoLock(content) ?? parseLock(content);

  const packages = lock.package ?? [];
  if (!Array.isArray(packages))
    throw new CargoLockError(
      '"package" must be an array of [[package]] tables',
    );
  const v1Checksums = readV1Checksums(lock.metadata);

  const counts = { registry: 0, git: 0, path: 0 };
  const tuples: PackageTuple[] = [];
  packages.forEach((entry: unknown, index) => {
    const { name, version, source, checksum } = readPackage(entry, index);
    if (source === null) {
      counts.path++;
      return;
    }
    // Alternative registries and directory/vendored replacements still record a registry source.
    if (source.startsWith('git+')) counts.git++;
    else counts.registry++;
    const v1Checksum = v1Checksums.get(`${name} ${version} (${source})`);
    tuples.push([
      name,
      version,
      canonicalSource(source),
      checksum ?? v1Checksum ?? null,
    ]);
  });
  tuples.sort(compareTuples);

  return {
    lockVersion: readLockVersion(lock.version, v1Checksums.size > 0),
    fingerprint: sha256Hex(JSON.stringify(tuples)),
    packages: counts,
  };
}

/** Any other layout: the TOML parser's reading, or its error. */
function parseLock(content: string): Record<string, unknown> {
  const parsed = parseTomlDocument(content);
  if (!parsed.ok) throw new CargoLockError(parsed.problem);
  return parsed.document;
}

function readPackage(
  entry: unknown,
  index: number,
): {
  name: string;
  version: string;
  source: string | null;
  checksum: string | null;
} {
  const where = `[[package]] #${index + 1}`;
  if (!isJsonObject(entry))
    throw new CargoLockError(`${where} must be a table`);
  const { name, version, source, checksum } = entry;
  if (typeof name !== 'string' || !name) {
    throw new CargoLockError(
      `${where} has no name (got ${describeValue(name)})`,
    );
  }
  const named = `${where} ("${name}")`;
  if (typeof version !== 'string' || !version) {
    throw new CargoLockError(
      `${named} has no version (got ${describeValue(version)})`,
    );
  }
  if (source !== undefined && typeof source !== 'string') {
    throw new CargoLockError(
      `${named} has a source that is not a string (got ${describeValue(
        source,
      )})`,
    );
  }
  if (checksum !== undefined && typeof checksum !== 'string') {
    throw new CargoLockError(
      `${named} has a checksum that is not a string (got ${describeValue(
        checksum,
      )})`,
    );
  }
  return { name, version, source: source ?? null, checksum: checksum ?? null };
}

/**
 * v1 keeps checksums in `[metadata]` as `"checksum NAME VERSION (SOURCE)" = "<sha256>"`,
 * with `<none>` for packages that have none (git).
 */
function readV1Checksums(metadata: unknown): Map<string, string> {
  const checksums = new Map<string, string>();
  if (metadata === undefined) return checksums;
  if (!isJsonObject(metadata))
    throw new CargoLockError('[metadata] must be a table');
  for (const [key, value] of Object.entries(metadata)) {
    if (!key.startsWith('checksum ')) continue;
    if (typeof value !== 'string') {
      throw new CargoLockError(
        `[metadata] "${key}" must be a string (got ${describeValue(value)})`,
      );
    }
    if (value !== '<none>') checksums.set(key.slice('checksum '.length), value);
  }
  return checksums;
}

/** v3 and v4 say `version = N`; v1 and v2 have no key and differ in where checksums live. */
function readLockVersion(version: unknown, hasV1Checksums: boolean): number {
  if (version === undefined) return hasV1Checksums ? 1 : 2;
  if (
    typeof version !== 'number' ||
    !Number.isInteger(version) ||
    version < 1 ||
    version > 4
  ) {
    throw new CargoLockError(
      `version must be 1, 2, 3 or 4 (got ${describeValue(version)})`,
    );
  }
  return version;
}

function canonicalSource(source: string): string {
  if (!source.startsWith('git+')) return source;
  const hash = source.indexOf('#');
  if (hash < 0) return source;
  const url = source.slice(0, hash).split('?')[0];
  return `${url}#${source.slice(hash + 1)}`;
}

function compareTuples(a: PackageTuple, b: PackageTuple): number {
  for (let i = 0; i < a.length; i++) {
    const left = a[i] ?? '';
    const right = b[i] ?? '';
    if (left !== right) return left < right ? -1 : 1;
  }
  return 0;
}
