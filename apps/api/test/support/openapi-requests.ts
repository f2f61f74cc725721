import fc from 'fast-check';

/** The parts of an OpenAPI 3 document the request generator reads. */
type Schema = {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
};
type Parameter = { name: string; in: 'path' | 'query' | 'header'; required?: boolean; schema?: Schema };
type Operation = {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
};
export type OpenApiDocument = {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
};

export type Endpoint = { method: string; path: string; operation: Operation };

/** A request as sent on the wire: the path with its query already encoded, headers and the raw body. */
export type GeneratedRequest = { method: string; url: string; headers: Record<string, string>; body?: string };

export function endpointsOf(document: OpenApiDocument): Endpoint[] {
  return Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.entries(operations).map(([method, operation]) => ({ method: method.toUpperCase(), path, operation })),
  );
}

// What attackers and careless clients send: NUL bytes, lone surrogates, numbers beyond every column, impossible
// days, text that is nearly a number, percent sequences that are not UTF-8 and escapes PostgreSQL refuses.
const HOSTILE_TEXT = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfffy',
  '1e20',
  '-1',
  '0',
  '1.5',
  'NaN',
  'Infinity',
  '9'.repeat(40),
  '2026-02-30',
  '2026-13',
  '2026-W60',
  '2026-11-01T25:00:00Z',
  '2026-02-30T00:00:00Z',
  '2026-03-01T09:30:00+99:00',
  'null',
  'true',
  '[]',
  '{}',
  '=HYPERLINK("x")',
  '"x,y@evil.example"@vendor.example',
  '00000000-0000-4000-8000-000000000000',
  'x'.repeat(5000),
];
// Raw (already-encoded) query and path pieces, including invalid percent-encodings.
const RAW_PIECES = ['%', '%E0%A4%A', '%FF', '%C0%80', '%00', '%uD800', '%ED%A0%80', '1e20', '-0', '2026-02-30'];

/** encodeURIComponent, except that a lone surrogate is written as the bytes WTF-8 gives it (not valid UTF-8). */
function percentEncode(text: string): string {
  let encoded = '';
  for (const character of text) {
    const code = character.charCodeAt(0);
    const lone = character.length === 1 && code >= 0xd800 && code <= 0xdfff;
    encoded += lone
      ? [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)]
          .map((byte) => `%${byte.toString(16).toUpperCase()}`)
          .join('')
      : encodeURIComponent(character);
  }
  return encoded;
}

const hostileText = fc.oneof(fc.constantFrom(...HOSTILE_TEXT), fc.string({ unit: 'binary', maxLength: 40 }));

/** Nested arrays or objects beyond any sane depth, written out as JSON text. */
const deepJson = fc
  .tuple(fc.integer({ min: 200, max: 5000 }), fc.boolean())
  .map(([depth, arrays]) =>
    arrays ? '['.repeat(depth) + ']'.repeat(depth) : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth),
  );

const anyJsonValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  hostileText,
  fc.constantFrom(1e20, -1, 0, 1.5, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, null, true, [], {}),
);

export class RequestGenerator {
  constructor(
    private readonly document: OpenApiDocument,
    /** Ids of records that exist, so generated requests also reach the code behind the 404. */
    private readonly knownIds: string[],
  ) {}

  requests(endpoint: Endpoint): fc.Arbitrary<GeneratedRequest> {
    const parameters = endpoint.operation.parameters ?? [];
    const pathParameters = parameters.filter((parameter) => parameter.in === 'path');
    const queryParameters = parameters.filter((parameter) => parameter.in === 'query');
    const bodySchema = endpoint.operation.requestBody?.content?.['application/json']?.schema;
    const otherMedia = Object.keys(endpoint.operation.requestBody?.content ?? {}).filter(
      (media) => media !== 'application/json',
    );

    const path = fc
      .tuple(...pathParameters.map(() => this.pathValue()))
      .map((values) =>
        pathParameters.reduce(
          (built, parameter, index) => built.replace(`{${parameter.name}}`, values[index]!),
          endpoint.path,
        ),
      );
    const query = fc
      .tuple(...queryParameters.map((parameter) => fc.option(this.queryValue(parameter.schema), { nil: undefined })))
      .map((values) =>
        queryParameters.flatMap((parameter, index) =>
          values[index] === undefined ? [] : [`${encodeURIComponent(parameter.name)}=${values[index]}`],
        ),
      );
    const unknownQuery = fc.option(
      fc.tuple(fc.constantFrom('offset', 'limit', 'zzz', 'period', 'format'), this.queryValue(undefined)),
      { nil: undefined },
    );
    // fetch sends no body with GET.
    const body: fc.Arbitrary<[Record<string, string>, string | undefined]> =
      endpoint.method === 'GET' ? fc.constant([{}, undefined]) : this.body(bodySchema, otherMedia);

    return fc.tuple(path, query, unknownQuery, body).map(([builtPath, pairs, extra, [headers, text]]) => {
      const all = extra ? [...pairs, `${extra[0]}=${extra[1]}`] : pairs;
      const url = all.length ? `${builtPath}?${all.join('&')}` : builtPath;
      return { method: endpoint.method, url, headers, body: text };
    });
  }

  private pathValue(): fc.Arbitrary<string> {
    return fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...this.knownIds) },
      { weight: 1, arbitrary: fc.uuid() },
      { weight: 1, arbitrary: hostileText.map((text) => percentEncode(text) || 'x') },
      { weight: 1, arbitrary: fc.constantFrom(...RAW_PIECES) },
    );
  }

  private queryValue(schema: Schema | undefined): fc.Arbitrary<string> {
    return fc.oneof(
      { weight: 2, arbitrary: this.valueFor(schema ?? {}, 0).map((value) => percentEncode(String(value))) },
      { weight: 2, arbitrary: hostileText.map(percentEncode) },
      { weight: 1, arbitrary: fc.constantFrom(...RAW_PIECES) },
    );
  }

  private body(
    schema: Schema | undefined,
    otherMedia: string[],
  ): fc.Arbitrary<[Record<string, string>, string | undefined]> {
    const json = { 'content-type': 'application/json' };
    const choices: fc.WeightedArbitrary<[Record<string, string>, string | undefined]>[] = [
      { weight: 1, arbitrary: fc.constant([json, undefined]) },
      { weight: 1, arbitrary: fc.constant([{}, undefined]) },
      {
        weight: 1,
        arbitrary: fc
          .constantFrom('text/plain', 'application/x-www-form-urlencoded')
          .map((type) => [{ 'content-type': type }, '']),
      },
      { weight: 1, arbitrary: deepJson.map((text) => [json, text]) },
      { weight: 1, arbitrary: anyJsonValue.map((value) => [json, JSON.stringify(value)]) },
      {
        weight: 1,
        arbitrary: fc
          .constantFrom('{"a":"\\u0000"}', '{"a":"\\ud800"}', '{"a":', '{"__proto__":{"x":1}}')
          .map((text) => [json, text]),
      },
    ];
    if (schema)
      choices.push({ weight: 6, arbitrary: this.valueFor(schema, 0).map((value) => [json, JSON.stringify(value)]) });
    for (const media of otherMedia) {
      choices.push({
        weight: 2,
        arbitrary: hostileText.map((text) => [{ 'content-type': media }, `kpiId,period,value\n${text}`]),
      });
    }
    return fc.oneof(...choices);
  }

  /** A value shaped like `schema`, with any field or element replaced by a hostile one now and then. */
  private valueFor(schema: Schema, depth: number): fc.Arbitrary<unknown> {
    const resolved = this.resolve(schema);
    const shaped = this.shapedValue(resolved, depth);
    return fc.oneof({ weight: 4, arbitrary: shaped }, { weight: 1, arbitrary: anyJsonValue });
  }

  private shapedValue(schema: Schema, depth: number): fc.Arbitrary<unknown> {
    if (schema.enum?.length) return fc.constantFrom(...schema.enum);
    const variants = schema.oneOf ?? schema.anyOf;
    if (variants?.length) return fc.oneof(...variants.map((variant) => this.valueFor(variant, depth + 1)));
    if (schema.allOf?.length) return this.valueFor(schema.allOf[0]!, depth + 1);
    switch (schema.type) {
      case 'string':
        return this.stringFor(schema.format);
      case 'number':
        return fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer({ min: -1000, max: 1000 }));
      case 'integer':
        return fc.oneof(fc.integer({ min: -10, max: 1000 }), fc.constantFrom(1e20, 2 ** 31, -(2 ** 31) - 1));
      case 'boolean':
        return fc.boolean();
      case 'array':
        return depth > 4 ? fc.constant([]) : fc.array(this.valueFor(schema.items ?? {}, depth + 1), { maxLength: 4 });
      case 'object':
      case undefined: {
        const properties = Object.entries(schema.properties ?? {});
        if (!properties.length || depth > 4) return anyJsonValue;
        const record = Object.fromEntries(
          properties.map(([name, property]) => [name, this.valueFor(property, depth + 1)]),
        );
        return fc.record(record, { requiredKeys: [] });
      }
      default:
        return anyJsonValue;
    }
  }

  private stringFor(format: string | undefined): fc.Arbitrary<string> {
    const plausible: Record<string, fc.Arbitrary<string>> = {
      uuid: fc.oneof(fc.constantFrom(...this.knownIds), fc.uuid()),
      date: fc
        .date({ noInvalidDate: true, min: new Date('1990-01-01'), max: new Date('2040-01-01') })
        .map((d) => d.toISOString().slice(0, 10)),
      'date-time': fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
      email: fc.emailAddress(),
    };
    return fc.oneof(
      { weight: 3, arbitrary: plausible[format ?? ''] ?? fc.string({ maxLength: 20 }) },
      { weight: 1, arbitrary: hostileText },
    );
  }

  private resolve(schema: Schema): Schema {
    if (!schema.$ref) return schema;
    const name = schema.$ref.replace('#/components/schemas/', '');
    return this.document.components?.schemas?.[name] ?? {};
  }
}
