import type { BuildSettings, ProfileSettings } from '../report/schema';
import { describeValue, isJsonObject } from '../util/json';
import { parseTomlDocument } from '../util/toml';

/** Thrown for a Cargo.toml whose profiles cannot be read; the message names the key. @public */
export class CargoManifestError extends Error {
  constructor(problem: string) {
    super(`Cargo.toml: ${problem}`);
    this.name = 'CargoManifestError';
  }
}

/**
 * The `[profile.<name>]` tables of a (workspace) Cargo.toml, limited to the settings that
 * change rustc's command line and so sccache's keys: `incremental`, `codegen-units`, `debug`,
 * `lto` and `opt-level`. Keys the manifest does not set are null (cargo's defaults apply);
 * `[profile.<name>.package.*]` overrides are not read.
 * @public
 */
export function parseCargoProfiles(
  cargoToml: string,
): BuildSettings['profiles'] {
  const parsed = parseTomlDocument(cargoToml);
  if (!parsed.ok) throw new CargoManifestError(parsed.problem);
  const profiles = parsed.document.profile;
  if (profiles === undefined) return {};
  if (!isJsonObject(profiles))
    throw new CargoManifestError(
      'profile must be a table of [profile.<name>] tables',
    );

  const result: BuildSettings['profiles'] = {};
  for (const [name, table] of Object.entries(profiles)) {
    if (!isJsonObject(table))
      throw new CargoManifestError(`profile.${name} must be a table`);
    if (name.length > 100)
      throw new CargoManifestError(
        `profile name "${name.slice(0, 20)}…" is longer than 100 characters`,
      );
    result[name] = readProfile(name, table);
  }
  return result;
}

function readProfile(
  name: string,
  table: Record<string, unknown>,
): ProfileSettings {
  const read = <T>(
    key: string,
    expected: string,
    accept: (value: unknown) => T | undefined,
  ): T | null => {
    const value = table[key];
    if (value === undefined) return null;
    const accepted = accept(value);
    if (accepted === undefined) {
      throw new CargoManifestError(
        `profile.${name}.${key} must be ${expected} (got ${describeValue(
          value,
        )})`,
      );
    }
    return accepted;
  };
  return {
    incremental: read('incremental', 'true or false', value =>
      typeof value === 'boolean' ? value : undefined,
    ),
    codegenUnits: read('codegen-units', 'a positive integer', value =>
      isInteger(value) && value > 0 ? value : undefined,
    ),
    // true/false, 0–2, or "none", "line-directives-only", "line-tables-only", "limited", "full"
    debug: read('debug', 'a boolean, an integer or a level name', value =>
      typeof value === 'boolean' || isInteger(value) || isText(value, 50)
        ? value
        : undefined,
    ),
    // true/false, or "fat", "thin", "off"
    lto: read('lto', 'a boolean or a name', value =>
      typeof value === 'boolean' || isText(value, 50) ? value : undefined,
    ),
    // 0–3, or "s", "z"
    optLevel: read('opt-level', 'an integer or "s"/"z"', value =>
      isInteger(value) || isText(value, 10) ? value : undefined,
    ),
  };
}

function isInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value);
}

function isText(value: unknown, maxLength: number): value is string {
  return (
    typeof value === 'string' && value.length > 0 && value.length <= maxLength
  );
}
