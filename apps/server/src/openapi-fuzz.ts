import fc from 'fast-check';

/**
 * Test-only: requests drawn from the server's own OpenAPI document (`app.swagger()`), every value
 * either one a caller could mean or one an attacker would try — NUL, lone surrogates, 1e308,
 * impossible dates, extended years, deep nesting, very long strings, the wrong type, nothing.
 */

/** The part of a JSON schema the generator reads (what @fastify/swagger writes out). */
export interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
}

interface Parameter {
  in: 'path' | 'query' | 'header' | 'cookie';
  name: string;
  required?: boolean;
  schema: JsonSchema;
}

interface Operation {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
}

/** One route and method of the document. */
export interface Endpoint {
  method: string;
  path: string;
  operation: Operation;
}

/** Real values of the installed app, so requests reach past validation into the handlers and SQL. */
export interface KnownValues {
  /** Good values by parameter or property name (appId → ['crm'], objectId → [...], field → [...]). */
  byName: Record<string, readonly string[]>;
  /** Keys for open objects (a record's field ids). */
  keys: readonly string[];
}

export function endpointsOf(document: OpenApiDocument): Endpoint[] {
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods)
      .filter(([method]) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
      .map(([method, operation]) => ({ method: method.toUpperCase(), path, operation })),
  );
}

const LONE_SURROGATES = ['\uD800', '\uDFFF', 'a\uDC00b', '\uDBFF'];
const hostileStrings = fc.oneof(
  fc.constantFrom('', ' ', '\u0000', 'a\u0000b', ...LONE_SURROGATES, '%00', '../../etc/passwd', "'; drop table users; --", '{{1}}', '\\', '🙂'),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom('x'.repeat(5000), '好'.repeat(70_000), '\u0000'.repeat(100)),
);
const hostileDates = fc.constantFrom(
  '2026-02-30',
  '0000-01-01',
  '2026-13-01',
  '+275760-09-13',
  '-000001-01-01',
  '2026-02-30T10:00:00Z',
  '0000-01-01T00:00:00Z',
  '+275760-09-13T00:00:00.000Z',
  '-271821-04-20T00:00:00.000Z',
  '+010000-01-01T00:00:00Z',
  '9999-12-31T23:59:60Z',
  '2026-06-01T25:00:00Z',
  '2026-06-01',
  '2026-06-01T08:00:00.000Z',
);
const hostileNumbers = fc.oneof(
  fc.constantFrom(0, -1, 1, 1.5, -0.5, 2 ** 31, 2 ** 31 - 1, -(2 ** 31), 2 ** 53, 2 ** 63, 1e308, -1e308, 5e-324, Number.MAX_SAFE_INTEGER, 1e20),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
);

const anyValues: fc.Arbitrary<unknown>[] = [];

/** A value of any JSON type, nested up to `depth`, with the hostile scalars among them (built once per depth). */
function anyValue(depth: number): fc.Arbitrary<unknown> {
  const cached = anyValues[depth];
  if (cached) return cached;
  const scalar = fc.oneof(hostileStrings, hostileNumbers, hostileDates, fc.boolean(), fc.constant(null));
  const value =
    depth <= 0
      ? scalar
      : fc.oneof(
          { weight: 4, arbitrary: scalar },
          { weight: 1, arbitrary: fc.array(anyValue(depth - 1), { maxLength: 3 }) },
          { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 8 }), anyValue(depth - 1), { maxKeys: 3 }) },
        );
  anyValues[depth] = value;
  return value;
}

/** Arrays inside arrays `levels` deep: what a recursive parser or validator may choke on. */
const deepNesting = fc.integer({ min: 50, max: 1000 }).map((levels) => JSON.parse(`${'['.repeat(levels)}1${']'.repeat(levels)}`) as unknown);

function stringFor(schema: JsonSchema, name: string, known: KnownValues): fc.Arbitrary<unknown> {
  const good = known.byName[name];
  const shaped =
    schema.format === 'date-time' || schema.format === 'date'
      ? hostileDates
      : schema.format === 'uuid'
        ? fc.oneof(fc.uuid(), fc.constantFrom('00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff'))
        : fc.oneof(fc.constantFrom('customer', 'name', 'a', 'zz_unknown'), fc.stringMatching(/^[a-z][a-z0-9_]{0,12}$/));
  return fc.oneof(
    { weight: good ? 6 : 0, arbitrary: good ? fc.constantFrom(...good) : fc.constant('') },
    { weight: 3, arbitrary: shaped },
    { weight: 3, arbitrary: hostileStrings },
  );
}

/** Values for `schema`: mostly shaped by it, sometimes anything at all (the wrong type). */
export function valueFor(schema: JsonSchema, name: string, known: KnownValues, depth = 4): fc.Arbitrary<unknown> {
  const anything = fc.oneof(anyValue(Math.min(depth, 2)), deepNesting);
  return fc.oneof({ weight: 8, arbitrary: shapedValue(schema, name, known, depth) }, { weight: 1, arbitrary: anything });
}

function shapedValue(schema: JsonSchema, name: string, known: KnownValues, depth: number): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives?.length) return fc.oneof(...alternatives.map((s) => valueFor(s, name, known, depth)));
  if (schema.allOf?.length) return valueFor(Object.assign({}, ...schema.allOf) as JsonSchema, name, known, depth);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  if (depth <= 0) return anyValue(0);
  switch (type) {
    case 'string':
      return stringFor(schema, name, known);
    case 'integer':
    case 'number':
      return hostileNumbers;
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(valueFor(schema.items ?? {}, name, known, depth - 1), { maxLength: 4 });
    case 'object':
      return objectFor(schema, known, depth);
    default:
      return fc.oneof(anyValue(Math.min(depth, 2)), fc.constantFrom(...known.keys));
  }
}

function objectFor(schema: JsonSchema, known: KnownValues, depth: number): fc.Arbitrary<unknown> {
  const declared = Object.fromEntries(Object.entries(schema.properties ?? {}).map(([key, s]) => [key, valueFor(s, key, known, depth - 1)]));
  const requiredKeys = (schema.required ?? []).filter((k) => k in declared);
  const shaped = fc.record(declared, { requiredKeys });
  if (schema.additionalProperties === false) return shaped;
  const open = fc.dictionary(fc.constantFrom(...known.keys), anyValue(Math.min(depth - 1, 2)), { maxKeys: 6 });
  return fc.tuple(shaped, open).map(([a, b]) => ({ ...b, ...a }));
}

/** A path segment: a good value, one shaped by the schema, or bytes no route expects (also invalid UTF-8). */
function pathSegment(parameter: Parameter, known: KnownValues, realIds: boolean): fc.Arbitrary<string> {
  const good = realIds ? known.byName[parameter.name] : undefined;
  const hostile = fc.oneof(
    fc.constantFrom('%00', '%ED%A0%80', '%FF', '..', '%2F', 'x'.repeat(3000), '-1', '1e308', '99999999999999999999', '0'),
    hostileStrings.map((s) => encodeSegment(s)),
  );
  const shaped = stringFor(parameter.schema.type === 'string' ? parameter.schema : { type: 'string' }, '', known).map((v) => encodeSegment(String(v)));
  return fc.oneof(
    { weight: good ? 6 : 0, arbitrary: good ? fc.constantFrom(...good) : fc.constant('x') },
    { weight: 2, arbitrary: shaped },
    { weight: 2, arbitrary: hostile },
  );
}

/** Percent-encodes a string as UTF-8, and a lone surrogate as the bytes a careless client would send. */
function encodeSegment(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return [...value].map((c) => (c.length === 1 && c >= '\uD800' && c <= '\uDFFF' ? '%ED%A0%80' : encodeURIComponent(c))).join('');
  }
}

export interface FuzzRequest {
  method: string;
  url: string;
  /** A JSON body already serialized (possibly not JSON at all), or none. */
  payload?: string | undefined;
  contentType?: string | undefined;
}

/** Requests to one endpoint. `realIds: false` keeps a destructive route away from the installed app. */
export function requestsFor(endpoint: Endpoint, known: KnownValues, realIds = true): fc.Arbitrary<FuzzRequest> {
  const parameters = endpoint.operation.parameters ?? [];
  const pathParams = parameters.filter((p) => p.in === 'path');
  const queryParams = parameters.filter((p) => p.in === 'query');
  const path = fc
    .tuple(...pathParams.map((p) => pathSegment(p, known, realIds)))
    .map((segments) => pathParams.reduce((url, p, i) => url.replace(`{${p.name}}`, segments[i] ?? ''), endpoint.path));
  const query = fc.tuple(...queryParams.map((p) => fc.option(valueFor(p.schema, p.name, known, 1), { nil: undefined }))).map((values) =>
    queryParams
      .map((p, i) => (values[i] === undefined ? '' : `${encodeURIComponent(p.name)}=${encodeSegment(queryText(values[i]))}`))
      .filter(Boolean)
      .join('&'),
  );
  const bodySchema = endpoint.operation.requestBody?.content?.['application/json']?.schema;
  const body = bodySchema
    ? bodyFor(bodySchema, known)
    : fc.constantFrom<BodyChoice>({ payload: undefined }, { payload: '{}', contentType: 'application/json' });
  return fc.tuple(path, query, body).map(([p, q, b]) => ({ method: endpoint.method, url: q ? `${p}?${q}` : p, ...b }));
}

function queryText(value: unknown): string {
  return typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
}

type BodyChoice = { payload: string | undefined; contentType?: string };

function bodyFor(schema: JsonSchema, known: KnownValues): fc.Arbitrary<BodyChoice> {
  return fc.oneof(
    {
      weight: 10,
      arbitrary: valueFor(schema, 'body', known).map((v): BodyChoice => ({ payload: JSON.stringify(v) ?? 'null', contentType: 'application/json' })),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom<BodyChoice>(
        { payload: undefined },
        { payload: '', contentType: 'application/json' },
        { payload: '{"a":', contentType: 'application/json' },
        { payload: '"\\u0000"', contentType: 'application/json' },
        { payload: '{"x":"\\ud800"}', contentType: 'application/json' },
        { payload: 'a=1', contentType: 'application/x-www-form-urlencoded' },
        { payload: '<x/>', contentType: 'text/xml' },
      ),
    },
  );
}
