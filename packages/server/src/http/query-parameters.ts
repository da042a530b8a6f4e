import { validationError } from '@crosscheck/core';
import type { FastifyInstance } from 'fastify';

type Schema = { type?: unknown; anyOf?: Schema[]; oneOf?: Schema[]; properties?: Record<string, Schema> };

/** Whether a JSON schema (a route's documented parameter) lets the parameter be a list. */
function allowsList(schema: Schema | undefined): boolean {
  if (schema === undefined) return false;
  if (schema.type === 'array' || (Array.isArray(schema.type) && schema.type.includes('array'))) return true;
  return [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])].some(allowsList);
}

/**
 * A query parameter given twice (`?after=1&after=2`) arrives as an array, where routes and use
 * cases read each parameter as one string. Refused here for every route at once, before any
 * route code runs, as a 422 naming the parameter; a route that wants a list says so in its
 * querystring schema (`type: 'array'`).
 */
export function refuseRepeatedQueryParameters(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    const query = request.query as Record<string, unknown>;
    const declared = (request.routeOptions.schema?.querystring as Schema | undefined)?.properties;
    for (const [name, value] of Object.entries(query)) {
      if (Array.isArray(value) && !allowsList(declared !== undefined && Object.hasOwn(declared, name) ? declared[name] : undefined)) throw validationError(name, 'given more than once; give it once', 'request.repeated-parameter');
    }
  });
}
