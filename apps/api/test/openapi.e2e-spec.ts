import { createTestApp, type TestApp } from './support/create-test-app.js';

type Schema = {
  $ref?: string;
  type?: string;
  format?: string;
  properties?: Record<string, Schema>;
  additionalProperties?: unknown;
  items?: Schema;
  allOf?: Schema[];
};
type Response = { description?: string; content?: Record<string, { schema?: Schema }> };
type Operation = {
  summary?: string;
  security?: Record<string, string[]>[];
  parameters?: { name: string; in: string; schema?: Schema }[];
  requestBody?: { content: Record<string, { schema?: Schema }> };
  responses: Record<string, Response>;
};
type Document = {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema>; securitySchemes: Record<string, Record<string, string>> };
};

const ERROR_SCHEMA = '#/components/schemas/ErrorResponse';
// Names that say a value is a calendar day, an instant or an address, whatever their case.
const DATE_LIKE = /(Date|On|At|^at|^since|^validFrom|^validTo)$/;
const EMAIL_LIKE = /email/i;

describe('the OpenAPI document at /docs-json', () => {
  let testApp: TestApp;
  let document: Document;
  let operations: { name: string; operation: Operation }[];

  beforeAll(async () => {
    testApp = await createTestApp();
    document = (await testApp.http.get<Document>('/docs-json')).body;
    operations = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.entries(item).map(([method, operation]) => ({ name: `${method.toUpperCase()} ${path}`, operation })),
    );
  });

  afterAll(async () => {
    await testApp.close();
  });

  const failing = (broken: (operation: Operation) => boolean) =>
    operations.filter(({ operation }) => broken(operation)).map(({ name }) => name);

  it('should document every operation of the API', () => {
    expect(operations.length).toBeGreaterThanOrEqual(51);
  });

  it('should give every operation a summary', () => {
    expect(failing((operation) => !operation.summary?.trim())).toEqual([]);
  });

  it('should give every operation a success answer with a schema, or 204 without a body', () => {
    const typed = (response: Response) =>
      Object.values(response.content ?? {}).some((media) => media.schema?.$ref || media.schema?.type);
    expect(
      failing((operation) => {
        const successes = Object.entries(operation.responses).filter(([status]) => status.startsWith('2'));
        return (
          successes.length === 0 ||
          successes.some(([status, response]) => (status === '204' ? response.content : !typed(response)))
        );
      }),
    ).toEqual([]);
  });

  it('should answer every 4xx with the error schema as JSON', () => {
    const wrong = operations.flatMap(({ name, operation }) =>
      Object.entries(operation.responses)
        .filter(([status]) => status.startsWith('4'))
        .filter(([, response]) => {
          const media = Object.entries(response.content ?? {});
          return (
            media.length !== 1 || media[0]![0] !== 'application/json' || media[0]![1].schema?.$ref !== ERROR_SCHEMA
          );
        })
        .map(([status]) => `${name} ${status}`),
    );
    expect(wrong).toEqual([]);
    expect(document.components.schemas.ErrorResponse).toMatchObject({
      required: expect.arrayContaining(['statusCode', 'error', 'code', 'message', 'details']),
      properties: { details: { type: 'array', items: { $ref: '#/components/schemas/ErrorDetailResponse' } } },
    });
  });

  it('should list the error answers the HTTP edge gives', () => {
    const lacking = (status: string, when: (operation: Operation, name: string) => boolean) =>
      operations
        .filter(({ name, operation }) => when(operation, name) && !operation.responses[status])
        .map(({ name }) => `${name} ${status}`);
    const secured = (operation: Operation) => (operation.security ?? []).length > 0;
    expect([
      ...lacking('401', secured),
      ...lacking('403', secured),
      ...lacking('429', (_operation, name) => !name.includes(' /health')),
      ...lacking('400', (operation) => Boolean(operation.requestBody) || (operation.parameters ?? []).length > 0),
      ...lacking('413', (operation) => Boolean(operation.requestBody)),
      ...lacking('415', (operation) => Boolean(operation.requestBody)),
      ...lacking('404', (operation) => (operation.parameters ?? []).some((parameter) => parameter.in === 'path')),
    ]).toEqual([]);
    expect(document.paths['/api/v1/vendors']!.post!.responses['409']).toBeDefined();
  });

  it('should type dates, instants, emails and ids by format, and no plain value as an object', () => {
    const problems: string[] = [];
    const check = (schema: Schema | undefined, where: string) => {
      if (!schema || schema.$ref) return;
      // A nullable reference is written `{ type: object, nullable, allOf: [{ $ref }] }`: typed by its reference.
      const referenced = schema.allOf?.some((part) => part.$ref);
      if (schema.type === 'object' && !schema.properties && !schema.additionalProperties && !referenced) {
        problems.push(`${where} is an object without properties`);
      }
      for (const [name, property] of Object.entries(schema.properties ?? {})) {
        const value = property.items ?? property;
        if (value.type === 'string' && DATE_LIKE.test(name) && !['date', 'date-time'].includes(value.format ?? '')) {
          problems.push(`${where}.${name} has no date format`);
        }
        if (value.type === 'string' && EMAIL_LIKE.test(name) && value.format !== 'email') {
          problems.push(`${where}.${name} has no email format`);
        }
        check(property, `${where}.${name}`);
      }
      check(schema.items, `${where}[]`);
    };
    for (const [name, schema] of Object.entries(document.components.schemas)) check(schema, name);
    for (const { name, operation } of operations) {
      for (const parameter of operation.parameters ?? []) {
        if (/(^id|Id)$/.test(parameter.name) && parameter.schema?.format !== 'uuid') {
          problems.push(`${name} parameter ${parameter.name} has no uuid format`);
        }
      }
    }
    expect(problems).toEqual([]);
    const contract = document.components.schemas.ContractResponse!.properties!;
    expect(contract.startDate).toMatchObject({ type: 'string', format: 'date' });
    expect(contract.createdAt).toMatchObject({ type: 'string', format: 'date-time' });
    expect(contract.managerEmail).toMatchObject({ type: 'string', format: 'email' });
    expect(contract.value).toMatchObject({ type: 'number' });
    expect(document.components.schemas.CreateVendorDto!.properties!.city).toMatchObject({ type: 'string' });
  });

  it('should name the security scheme "API key" and describe it as the API key it is, not a JWT', () => {
    const schemes = document.components.securitySchemes;
    expect(Object.keys(schemes)).toEqual(['API key']);
    expect(schemes['API key']).toMatchObject({ type: 'http', scheme: 'bearer', bearerFormat: 'API key' });
    expect(schemes['API key']!.description).toContain('Authorization: Bearer');
    expect(schemes['API key']!.description).toContain('not a JWT');
    const unsecured = failing((operation) => !(operation.security ?? []).some((entry) => 'API key' in entry));
    expect(unsecured.sort()).toEqual(['GET /health', 'GET /health/ready']);
  });
});
