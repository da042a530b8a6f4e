import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { toProblem } from './problem.js';
import { refuseRepeatedQueryParameters } from './query-parameters.js';

describe('repeated query parameters', () => {
  it('are refused naming the parameter, unless the route declares it a list', async () => {
    const app = Fastify();
    app.setValidatorCompiler(() => (data) => ({ value: data }));
    app.setErrorHandler((error, request, reply) => reply.code(toProblem(error, request.id).status).send(toProblem(error, request.id)));
    refuseRepeatedQueryParameters(app);
    const querystring = { type: 'object', properties: { one: { type: 'string' }, tags: { type: 'array', items: { type: 'string' } }, either: { anyOf: [{ type: 'string' }, { type: 'array' }] } } };
    app.get('/x', { schema: { querystring } }, async (req) => req.query);
    try {
      expect((await app.inject('/x?one=a&tags=b&tags=c&either=d&either=e')).json()).toEqual({ one: 'a', tags: ['b', 'c'], either: ['d', 'e'] });
      for (const [url, field] of [['/x?one=a&one=b', 'one'], ['/x?tags=a&other=1&other=2', 'other'], ['/x?constructor=1&constructor=2', 'constructor']] as const) {
        const res = await app.inject(url);
        expect(res.statusCode, url).toBe(422);
        expect(res.json(), url).toMatchObject({ code: 'request.repeated-parameter', field });
      }
    } finally {
      await app.close();
    }
  });
});
