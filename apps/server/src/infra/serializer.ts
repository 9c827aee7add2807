import fastJsonStringify, { type Schema } from 'fast-json-stringify';
import type { FastifyReply, FastifySerializerCompiler } from 'fastify';
import { ResponseSerializationError } from 'fastify-type-provider-zod';
import { type $ZodCheck, $ZodType, safeEncode, toJSONSchema } from 'zod/v4/core';

// Responses are serialised by fast-json-stringify (the serializer Fastify itself uses), compiled
// from each route's Zod response schema, instead of a full Zod parse of every response followed by
// JSON.stringify. It writes exactly the schema's properties, so a field a presenter returns that
// the contract does not name is dropped, as Zod's parse dropped it.
//
// What it no longer does in production is check the types of what a presenter returns (Zod
// answered a mismatch with a 500; the compiled serializer writes the value as the schema's type).
// Outside production, `verify` serialises every response both ways and fails the request when the
// two differ or Zod rejects the value, so the test suite and development still catch a presenter
// that drifts from the contract.

type JsonSchema = { [key: string]: unknown };
type RouteSchema = { schema: unknown; method: string; url: string };
type Serialize = (data: unknown) => string;

function zodSchemaOf(maybeSchema: unknown): $ZodType {
  if (maybeSchema instanceof $ZodType) return maybeSchema;
  const properties = (maybeSchema as { properties?: unknown } | null)?.properties;
  if (properties instanceof $ZodType) return properties;
  throw new Error(`a response schema must be a Zod schema (got ${JSON.stringify(maybeSchema)})`);
}

const isPlainObject = (v: unknown): v is JsonSchema =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** `anyOf: [X, {type: 'null'}]` with a single-typed, combinator-free X becomes `type: [X, 'null']`. */
function collapseNullable(schema: JsonSchema): JsonSchema {
  const options = schema.anyOf;
  if (!Array.isArray(options) || options.length !== 2 || Object.keys(schema).length !== 1) return schema;
  const nullAt = options.findIndex(
    (o) => isPlainObject(o) && o.type === 'null' && Object.keys(o).length === 1,
  );
  const other = options[1 - nullAt];
  if (nullAt < 0 || !isPlainObject(other) || typeof other.type !== 'string') return schema;
  if (other.anyOf || other.oneOf || other.allOf || other.$ref || other.const !== undefined) return schema;
  const collapsed: JsonSchema = { ...other, type: [other.type, 'null'] };
  if (Array.isArray(other.enum)) collapsed.enum = [...other.enum, null];
  return collapsed;
}

/**
 * Zod's JSON Schema, adjusted for fast-json-stringify:
 * - `additionalProperties: false` goes: fast-json-stringify writes only declared properties
 *   anyway, and the keyword would make a union option reject an object with extra fields that
 *   Zod would have accepted and stripped;
 * - `default` goes: Zod's encode does not fill in defaults (a missing value fails), so neither
 *   may the serializer;
 * - a nullable value becomes a two-type schema, which is dispatched in generated code rather
 *   than by running a JSON Schema validator on each option;
 * - an unknown/any field is not required (Zod lets it be absent);
 * - fast-json-stringify writes required properties before optional ones; where that would
 *   reorder an object's fields, `required` goes, so fields keep the contract's order.
 */
function adjust(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(adjust);
  if (!isPlainObject(node)) return node;
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(node)) {
    if ((key === 'additionalProperties' && value === false) || key === 'default') continue;
    if (key === 'properties' && isPlainObject(value)) {
      out[key] = Object.fromEntries(Object.entries(value).map(([name, s]) => [name, adjust(s)]));
    } else if (key === 'enum' || key === 'const' || key === 'examples') {
      out[key] = value;
    } else {
      out[key] = adjust(value);
    }
  }
  if (Array.isArray(out.required) && isPlainObject(out.properties)) {
    const props = out.properties;
    const required = out.required.filter((name) => !acceptsAnything(props[name]));
    const order = Object.keys(props).map((name) => required.includes(name));
    const reorders = order.some((isRequired, i) => isRequired && order.slice(0, i).includes(false));
    if (reorders) delete out.required;
    else out.required = required;
  }
  return collapseNullable(out);
}

const ANNOTATIONS = new Set(['description', 'title', 'examples']);
const acceptsAnything = (s: unknown) => isPlainObject(s) && Object.keys(s).every((k) => ANNOTATIONS.has(k));

/** Zod types whose encode can change a value (or fail) in ways a JSON Schema cannot say. */
const CHANGES_VALUES = new Set(['transform', 'pipe', 'catch', 'custom', 'lazy', 'promise']);
const overwrites = (checks: unknown) =>
  Array.isArray(checks) && checks.some((c) => (c as $ZodCheck)._zod.def.check === 'overwrite');

/** Thrown for a schema whose serialisation only Zod can do faithfully (trim, transforms…). */
export class NotCompilable extends Error {}

/** The JSON Schema a route's response is serialised with (exported for the tests). */
export function serializationSchema(schema: $ZodType): JsonSchema {
  const json = toJSONSchema(schema, {
    io: 'output',
    target: 'draft-07',
    unrepresentable: 'throw',
    cycles: 'ref',
    reused: 'inline',
    override: ({ zodSchema }) => {
      const def = zodSchema._zod.def as { type: string; checks?: unknown };
      if (CHANGES_VALUES.has(def.type) || overwrites(def.checks)) {
        throw new NotCompilable(`a response schema with a ${def.type} that changes values on encode`);
      }
    },
  }) as JsonSchema;
  delete json.$schema;
  return adjust(json) as JsonSchema;
}

/** A serializer compiled from a Zod schema; throws when the schema cannot be expressed. */
export function compileSerializer(schema: $ZodType): Serialize {
  return fastJsonStringify(serializationSchema(schema) as unknown as Schema) as Serialize;
}

/** What fastify-type-provider-zod did: a Zod encode (parse) of the value, then JSON.stringify. */
function zodSerializer(schema: $ZodType, method: string, url: string): Serialize {
  return (data) => {
    const result = safeEncode(schema, data);
    if (result.error) throw new ResponseSerializationError(method, url, { cause: result.error });
    return JSON.stringify(result.data);
  };
}

/** Both ways; the Zod result is sent, and a difference is an error naming the route. */
function verifying(compiled: Serialize, zod: Serialize, method: string, url: string): Serialize {
  return (data) => {
    const expected = zod(data);
    const actual = compiled(data);
    if (actual !== expected) {
      throw new Error(
        `${method} ${url}: the compiled serializer wrote ${actual.slice(0, 2000)} where Zod wrote ${expected.slice(0, 2000)}`,
      );
    }
    return expected;
  };
}

/**
 * Fastify's serializer compiler for Zod response schemas. In production each route's serializer
 * is built on its first response, so routes nobody calls cost no start-up time or memory; when
 * verifying, all are built at start, so a schema that cannot be compiled fails every test at once.
 * A schema whose values Zod itself changes (a trimmed or lower-cased string) keeps Zod.
 */
export function createResponseSerializerCompiler(opts: {
  verify: boolean;
}): FastifySerializerCompiler<unknown> {
  return ({ schema: maybeSchema, method, url }: RouteSchema) => {
    const schema = zodSchemaOf(maybeSchema);
    const zod = zodSerializer(schema, method, url);
    const build = () => {
      try {
        return compileSerializer(schema);
      } catch (err) {
        if (err instanceof NotCompilable) return zod;
        throw err;
      }
    };
    if (opts.verify) return verifying(build(), zod, method, url);
    let serialize: Serialize | undefined;
    return (data: unknown) => {
      serialize ??= build();
      return serialize(data);
    };
  };
}

/**
 * A sender for answers that many requests share (a kept queue page): each is serialized by the
 * route's serializer and encoded once, for as long as the answer itself lives, and then sent as
 * those bytes. Per request that saves the answer's whole serialization (for a page of 50 cases,
 * most of what a kept page costs the app).
 */
export function sharedAnswers() {
  const written = new WeakMap<object, Buffer>();
  return (reply: FastifyReply, answer: object) => {
    let body = written.get(answer);
    if (!body) {
      body = Buffer.from(reply.serialize(answer) as string);
      written.set(answer, body);
    }
    return reply.type('application/json; charset=utf-8').send(body);
  };
}
