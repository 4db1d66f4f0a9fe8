import { Query } from '@nestjs/common';
import { ApiQuery } from '@nestjs/swagger';
import { z } from 'zod';
import { ZodValidationPipe } from './zod-validation.pipe.js';

type JsonSchema = { description?: string; [keyword: string]: unknown };

/**
 * The query string, parsed with a contracts schema (400 naming the parameter at fault), and each
 * of the schema's fields documented as a query parameter of the operation. One schema states both,
 * so the OpenAPI document cannot drift from what the route accepts:
 * `list(@ValidatedQuery(userListQuerySchema) query: UserListQuery)`.
 */
export function ValidatedQuery(schema: z.ZodObject): ParameterDecorator {
  const parameters = queryParameters(schema);
  return (target, key, index) => {
    Query(new ZodValidationPipe(schema, 'query'))(target, key, index);
    const descriptor = Object.getOwnPropertyDescriptor(target, key!)!;
    for (const parameter of parameters) ApiQuery(parameter)(target, key!, descriptor);
  };
}

/** One OpenAPI query parameter per field: its JSON Schema (as the client sends it), required or not. */
export function queryParameters(
  schema: z.ZodObject,
): { name: string; required: boolean; description?: string; schema: JsonSchema }[] {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as {
    properties?: Record<string, JsonSchema>;
    required?: string[];
  };
  return Object.entries(json.properties ?? {}).map(([name, { description, ...property }]) => ({
    name,
    required: json.required?.includes(name) ?? false,
    ...(description ? { description } : {}),
    schema: property,
  }));
}
