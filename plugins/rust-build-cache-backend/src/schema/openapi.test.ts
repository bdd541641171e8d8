import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { execFileSync } from 'node:child_process';
import { stringify } from 'yaml';
import {
  documentedOperations,
  loadOpenApiDocument,
  OPENAPI_DOCUMENT_PATH,
  OpenApiContract,
} from '../__testUtils__/openApiContract';
import { servedRoutes } from '../__testUtils__/servedRoutes';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { buildGeneratedSchemas } from './generatedSchemas';

jest.setTimeout(60_000);

const DOCUMENT_FILE = join(__dirname, 'openapi.yaml');

/** The generated schemas are the last part of the document, after this line. */
const GENERATED_MARKER =
  "    # Generated from -common's zod schemas by src/schema/generatedSchemas.ts: do not edit below.";

/** Rewrites the document's generated part (RBC_UPDATE_GENERATED=1), then formats it. */
function writeGeneratedSchemas(generated: Record<string, unknown>) {
  const text = readFileSync(DOCUMENT_FILE, 'utf8');
  const at = text.indexOf(GENERATED_MARKER);
  const handWritten = at >= 0 ? text.slice(0, at) : `${text.trimEnd()}\n`;
  const yaml = stringify(generated, { lineWidth: 0 })
    .split('\n')
    .map(line => (line ? `    ${line}` : line))
    .join('\n');
  writeFileSync(DOCUMENT_FILE, `${handWritten}${GENERATED_MARKER}\n${yaml}`);
  execFileSync('yarn', ['run', '-T', 'prettier', '--write', DOCUMENT_FILE], {
    stdio: 'pipe',
  });
}

describe('src/schema/openapi.yaml', () => {
  const document = loadOpenApiDocument();

  it('holds the component schemas generated from -common’s zod schemas', () => {
    const generated = buildGeneratedSchemas();
    if (process.env.RBC_UPDATE_GENERATED === '1') {
      writeGeneratedSchemas(generated);
    }
    const current = loadOpenApiDocument().components.schemas;
    const stale = Object.keys(generated).filter(
      name => !isDeepStrictEqual(current[name], generated[name]),
    );
    if (stale.length > 0) {
      throw new Error(
        `components.schemas ${stale.join(
          ', ',
        )} of ${OPENAPI_DOCUMENT_PATH} differ from ` +
          'what src/schema/generatedSchemas.ts generates from -common. Regenerate them with\n' +
          '  RBC_UPDATE_GENERATED=1 yarn backstage-cli package test src/schema/openapi.test.ts\n' +
          '(in plugins/rust-build-cache-backend) and commit the result.',
      );
    }
    // Hand-edited parts of the document mark nothing as generated.
    const marked = Object.entries<Record<string, unknown>>(current)
      .filter(([, schema]) => schema['x-generated-from'])
      .map(([name]) => name);
    expect(marked.sort()).toEqual(Object.keys(generated).sort());
  });

  it('is shipped in the npm package', () => {
    const { files } = JSON.parse(
      readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8'),
    );
    expect(files).toContain(OPENAPI_DOCUMENT_PATH);
  });

  it('is a consistent OpenAPI 3.1 document', () => {
    expect(document.openapi).toBe('3.1.0');
    const contract = new OpenApiContract(document);
    // Every schema compiles (typos in keywords, dangling $refs).
    expect(() => contract.compileAll()).not.toThrow();

    const operationIds: string[] = [];
    const problems: string[] = [];
    for (const [path, item] of Object.entries<any>(document.paths)) {
      for (const [method, operation] of Object.entries<any>(item)) {
        if (method === 'parameters') continue;
        const where = `${method.toUpperCase()} ${path}`;
        operationIds.push(operation.operationId);
        // Each `{name}` of the path is a declared path parameter, and no other.
        const declared = [
          ...(item.parameters ?? []),
          ...(operation.parameters ?? []),
        ]
          .map(p =>
            p.$ref
              ? document.components.parameters[p.$ref.split('/').pop()]
              : p,
          )
          .filter(p => p.in === 'path')
          .map(p => p.name)
          .sort();
        const inPath = [...path.matchAll(/\{(\w+)\}/g)].map(m => m[1]).sort();
        if (declared.join() !== inPath.join()) {
          problems.push(`${where}: path parameters ${declared} ≠ ${inPath}`);
        }
        // Only /health is open; every other route says who may not call it.
        const statuses = Object.keys(operation.responses);
        if (
          path !== '/health' &&
          !['401', '403'].every(status => statuses.includes(status))
        ) {
          problems.push(`${where}: documents no 401 or no 403`);
        }
        if (!operation.operationId) problems.push(`${where}: no operationId`);
      }
    }
    expect(problems).toEqual([]);
    expect(new Set(operationIds).size).toBe(operationIds.length);
  });

  describe('the routes the plugin serves', () => {
    const databases = createTestDatabases();

    it('are exactly the documented operations', async () => {
      const knex = await databases.init('SQLITE_3');
      const served = await servedRoutes({ knex });
      const documented = documentedOperations(document);
      expect(served.length).toBeGreaterThan(30);

      const undocumented = served.filter(route => !documented.includes(route));
      if (undocumented.length > 0) {
        throw new Error(describeUndocumented(undocumented));
      }
      const gone = documented.filter(route => !served.includes(route));
      if (gone.length > 0) {
        throw new Error(
          `${OPENAPI_DOCUMENT_PATH} describes operations the plugin does not serve:\n` +
            `${gone.map(route => `  - ${route}`).join('\n')}\n` +
            'Remove them from the document (or register the routes again).',
        );
      }
    });
  });
});

/** What to add to the document for each route it does not describe, as a YAML skeleton. */
function describeUndocumented(routes: string[]): string {
  const skeletons = routes.map(route => {
    const [method, path] = route.split(' ');
    const params = [...path.matchAll(/\{(\w+)\}/g)].map(m => m[1]);
    return [
      `  ${path}:`,
      `    ${method.toLowerCase()}:`,
      `      operationId: <a unique camelCase name>`,
      `      tags: [<reports|entities|policy|prewarm|…>]`,
      `      summary: <what it does, and who may call it>`,
      ...(params.length
        ? [
            '      parameters:',
            ...params.map(
              name =>
                `        - { name: ${name}, in: path, required: true, schema: { type: string } }   # or a $ref to #/components/parameters/…`,
            ),
            '        # and each query parameter with the schema of its zod parser',
          ]
        : [
            '      parameters: []   # each query parameter with the schema of its zod parser',
          ]),
      ...(['POST', 'PUT', 'PATCH'].includes(method)
        ? [
            '      requestBody:   # if it reads one',
            "        content: { application/json: { schema: { $ref: '#/components/schemas/<RequestType>' } } }",
          ]
        : []),
      '      responses:',
      `        '200':   # or 201/202/204: the status it answers with`,
      '          description: <what it returns>',
      "          content: { application/json: { schema: { $ref: '#/components/schemas/<ResponseType>' } } }",
      "        '400': { $ref: '#/components/responses/BadRequest' }      # if it validates input",
      "        '401': { $ref: '#/components/responses/Unauthorized' }",
      "        '403': { $ref: '#/components/responses/Forbidden' }",
      "        '404': { $ref: '#/components/responses/NotFound' }        # if it looks something up",
      "        '409': { $ref: '#/components/responses/Conflict' }        # if it can conflict",
    ].join('\n');
  });
  return (
    `The plugin serves routes that ${OPENAPI_DOCUMENT_PATH} does not describe:\n` +
    `${routes.map(route => `  - ${route}`).join('\n')}\n\n` +
    `Add each under \`paths:\` in ${OPENAPI_DOCUMENT_PATH}, e.g.\n\n` +
    `${skeletons.join('\n\n')}\n\n` +
    'and describe <ResponseType> (from its type in -common’s src/api/) under `components.schemas`, ' +
    'additionalProperties: false. The router tests then check every request and response against it.'
  );
}
