import Ajv2020, { ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';

/**
 * Checks HTTP exchanges against the plugin's OpenAPI document (`openapi.yaml` next to this
 * file): the operation exists, the status is documented, the response's content type and
 * body match the documented schema, and, for a successful request, its path and query
 * parameters and its body match the operation's. Used by the tests only.
 */

/** The file tests check against, relative to the package. */
export const OPENAPI_DOCUMENT_PATH = 'src/schema/openapi.yaml';

/** Where the plugin's routes are mounted in a backend. */
export const API_BASE = '/api/rust-build-cache';

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/** The id under which the document's component schemas are given to Ajv. */
const COMPONENTS_ID = 'openapi-components';

type Json = Record<string, any>;

/** One request and its response, as seen by the server or built by a test. */
export interface HttpExchange {
  method: string;
  /** Path below {@link API_BASE}, with the query string, e.g. `/runs?limit=5`. */
  url: string;
  /** Media type of the request body, if it had one. */
  requestContentType?: string;
  /** The parsed request body; undefined when there was none (or it was not read). */
  requestBody?: unknown;
  status: number;
  /** Full `Content-Type` of the response, if any. */
  responseContentType?: string;
  /** The raw response body. */
  responseBody: string;
}

/** A documented operation and the values of its path template's parameters. */
export interface MatchedOperation {
  path: string;
  method: (typeof HTTP_METHODS)[number];
  operation: Json;
  pathParams: Record<string, string>;
}

export function loadOpenApiDocument(): Json {
  return parseYaml(
    readFileSync(join(__dirname, '..', '..', OPENAPI_DOCUMENT_PATH), 'utf8'),
  );
}

/** The document's operations as `METHOD /path` (path in OpenAPI template form). */
export function documentedOperations(document: Json): string[] {
  return Object.entries<Json>(document.paths ?? {}).flatMap(([path, item]) =>
    HTTP_METHODS.filter(method => item[method]).map(
      method => `${method.toUpperCase()} ${path}`,
    ),
  );
}

export class OpenApiContract {
  readonly document: Json;
  readonly #bodies: Ajv2020;
  readonly #params: Ajv2020;
  readonly #validators = new Map<string, ValidateFunction>();

  constructor(document: Json = loadOpenApiDocument()) {
    this.document = document;
    this.#bodies = createAjv(document, false);
    // Path and query values are strings: coerce them to the documented types.
    this.#params = createAjv(document, 'array');
  }

  /** Compiles every component schema: a typo or a dangling `$ref` throws. */
  compileAll(): void {
    for (const name of Object.keys(this.document.components?.schemas ?? {})) {
      this.#bodies.getSchema(`${COMPONENTS_ID}#/$defs/${name}`);
    }
  }

  /** The operation serving `method` on `pathname`; literal segments win over templates. */
  match(method: string, pathname: string): MatchedOperation | undefined {
    const key = method.toLowerCase() as MatchedOperation['method'];
    const parts = pathname.split('/');
    let best: (MatchedOperation & { literals: number }) | undefined;
    for (const [path, item] of Object.entries<Json>(this.document.paths)) {
      const template = path.split('/');
      if (!item[key] || template.length !== parts.length) continue;
      const pathParams: Record<string, string> = {};
      let literals = 0;
      const matches = template.every((segment, i) => {
        const param = /^\{(.+)\}$/.exec(segment);
        if (param) {
          if (!parts[i]) return false;
          pathParams[param[1]] = decodeURIComponent(parts[i]);
          return true;
        }
        literals += 1;
        return segment === parts[i];
      });
      if (matches && (!best || literals > best.literals)) {
        best = {
          path,
          method: key,
          operation: item[key],
          pathParams,
          literals,
        };
      }
    }
    if (!best) return undefined;
    const { literals: _literals, ...matched } = best;
    return matched;
  }

  /** Every way `exchange` departs from the document; empty when it conforms. */
  check(exchange: HttpExchange): string[] {
    const url = new URL(exchange.url, 'http://localhost');
    const what = `${exchange.method} ${url.pathname}${url.search} → ${exchange.status}`;
    const matched = this.match(exchange.method, url.pathname);
    if (!matched) {
      // The framework answers 404 for a route that does not exist, as documented.
      return exchange.status === 404
        ? []
        : [`${what}: no operation in ${OPENAPI_DOCUMENT_PATH} serves this`];
    }
    const problems = this.#checkResponse(matched, exchange);
    if (exchange.status >= 200 && exchange.status < 300) {
      problems.push(...this.#checkRequest(matched, exchange, url));
    }
    return problems.map(problem => `${what}: ${problem}`);
  }

  #checkResponse(matched: MatchedOperation, exchange: HttpExchange): string[] {
    const { operation, path, method } = matched;
    const response = this.#deref(
      operation.responses?.[String(exchange.status)] ??
        operation.responses?.default,
    );
    const where = `responses.${
      exchange.status
    } of ${method.toUpperCase()} ${path}`;
    if (!response) {
      return [`status ${exchange.status} is not documented (${where})`];
    }
    const content: Json | undefined = response.content;
    if (!content) {
      return exchange.responseBody.length > 0
        ? [`${where} has no body, but the response has one`]
        : [];
    }
    const mediaType = baseMediaType(exchange.responseContentType);
    const media = mediaType ? content[mediaType] : undefined;
    if (!media) {
      return [
        `response Content-Type ${
          exchange.responseContentType ?? '(none)'
        } is not one of ${Object.keys(content).join(', ')} (${where})`,
      ];
    }
    if (!media.schema) return [];
    let body: unknown = exchange.responseBody;
    if (mediaType === 'application/json') {
      try {
        body = JSON.parse(exchange.responseBody);
      } catch {
        return [`response body is not JSON (${where})`];
      }
    }
    return this.#validate(this.#bodies, media.schema, body, `response body`);
  }

  #checkRequest(
    matched: MatchedOperation,
    exchange: HttpExchange,
    url: URL,
  ): string[] {
    const { operation, path } = matched;
    const pathItem = this.document.paths[path];
    const parameters: Json[] = [
      ...(pathItem.parameters ?? []),
      ...(operation.parameters ?? []),
    ].map(parameter => this.#deref(parameter)!);
    const problems: string[] = [];
    for (const location of ['path', 'query'] as const) {
      const declared = parameters.filter(p => p.in === location);
      const values: Record<string, unknown> =
        location === 'path' ? { ...matched.pathParams } : queryValues(url);
      for (const name of Object.keys(values)) {
        if (!declared.some(p => p.name === name)) {
          problems.push(`${location} parameter '${name}' is not documented`);
        }
      }
      const schema = {
        type: 'object',
        properties: Object.fromEntries(declared.map(p => [p.name, p.schema])),
        required: declared.filter(p => p.required).map(p => p.name),
      };
      problems.push(
        ...this.#validate(
          this.#params,
          schema,
          values,
          `${location} parameters`,
        ),
      );
    }
    const requestBody = this.#deref(operation.requestBody);
    const hasBody =
      exchange.requestBody !== undefined &&
      !(isEmptyObject(exchange.requestBody) && !exchange.requestContentType);
    if (!requestBody) {
      if (hasBody) problems.push('the operation documents no request body');
      return problems;
    }
    if (!hasBody) {
      if (requestBody.required) problems.push('the request body is missing');
      return problems;
    }
    const mediaType = baseMediaType(exchange.requestContentType);
    const media = mediaType ? requestBody.content?.[mediaType] : undefined;
    if (!media) {
      problems.push(
        `request Content-Type ${
          exchange.requestContentType ?? '(none)'
        } is not one of ${Object.keys(requestBody.content ?? {}).join(', ')}`,
      );
      return problems;
    }
    problems.push(
      ...this.#validate(
        this.#bodies,
        media.schema,
        exchange.requestBody,
        'request body',
      ),
    );
    return problems;
  }

  #validate(ajv: Ajv2020, schema: Json, data: unknown, what: string): string[] {
    const key = `${ajv === this.#params ? 'p' : 'b'}${JSON.stringify(schema)}`;
    let validate = this.#validators.get(key);
    if (!validate) {
      validate = ajv.compile(rewriteRefs(schema));
      this.#validators.set(key, validate);
    }
    if (validate(data)) return [];
    return (validate.errors ?? []).map(
      error =>
        `${what}${error.instancePath || ''} ${error.message}${
          error.params && Object.keys(error.params).length
            ? ` ${JSON.stringify(error.params)}`
            : ''
        }`,
    );
  }

  /** Resolves a `$ref` to `#/components/{parameters,responses,requestBodies}/…`. */
  #deref(value: Json | undefined): Json | undefined {
    if (!value?.$ref) return value;
    const [, section, name] =
      /^#\/components\/(\w+)\/(.+)$/.exec(value.$ref) ?? [];
    const target = this.document.components?.[section]?.[name];
    if (!target) throw new Error(`Unresolvable $ref ${value.$ref}`);
    return this.#deref(target);
  }
}

/** `#/components/schemas/X` → the registered components schema's `$defs/X`. */
function rewriteRefs<T>(value: T): T {
  if (Array.isArray(value)) return value.map(rewriteRefs) as T;
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [
      key,
      key === '$ref' && typeof item === 'string'
        ? item.replace('#/components/schemas/', `${COMPONENTS_ID}#/$defs/`)
        : rewriteRefs(item),
    ]),
  ) as T;
}

function createAjv(document: Json, coerceTypes: false | 'array'): Ajv2020 {
  const ajv = new Ajv2020({
    allErrors: true,
    strict: true,
    // OpenAPI's own keywords may appear in schemas; `x-` extensions too.
    strictRequired: false,
    allowUnionTypes: true,
    coerceTypes,
    useDefaults: false,
  });
  addFormats(ajv);
  // zod's `.url()` (the schemas the document is generated from) accepts what the WHATWG URL
  // parser accepts, which is wider than RFC 3986's "uri" of ajv-formats: check the same way.
  ajv.addFormat('uri', (value: string) => URL.canParse(value));
  ajv.addVocabulary(['example', 'x-generated-from']);
  ajv.addSchema({
    $id: COMPONENTS_ID,
    $defs: rewriteRefs(document.components?.schemas ?? {}),
  });
  return ajv;
}

function queryValues(url: URL): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {};
  for (const name of new Set(url.searchParams.keys())) {
    const all = url.searchParams.getAll(name);
    values[name] = all.length === 1 ? all[0] : all;
  }
  return values;
}

function baseMediaType(contentType: string | undefined): string | undefined {
  return contentType?.split(';')[0].trim().toLowerCase() || undefined;
}

function isEmptyObject(value: unknown): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.keys(value).length === 0
  );
}
