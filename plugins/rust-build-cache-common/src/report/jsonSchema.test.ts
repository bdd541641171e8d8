import { join } from 'node:path';
import { expectGeneratedFileUpToDate } from '../__testUtils__/generatedFiles';
import { buildReportJsonSchema } from './jsonSchema';

const SCHEMA_FILE = join(__dirname, '..', '..', 'schema', 'report.schema.json');

describe('schema/report.schema.json', () => {
  const generated = `${JSON.stringify(buildReportJsonSchema(), null, 2)}\n`;

  it('equals the JSON Schema generated from the zod schema', () => {
    expectGeneratedFileUpToDate(SCHEMA_FILE, generated);
  });

  it('is a draft 2020-12 schema of the report object', () => {
    const schema = buildReportJsonSchema();
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.type).toBe('object');
    expect(schema.required).toEqual([
      'schemaVersion',
      'kind',
      'source',
      'sccache',
      'toolchain',
      'dependencies',
      'build',
      'timings',
    ]);
    expect(schema.properties?.schemaVersion).toEqual({
      type: 'number',
      const: 1,
    });
  });

  it('accepts unknown keys, as validateReport does', () => {
    expect(buildReportJsonSchema().additionalProperties).toBeUndefined();
  });
});
