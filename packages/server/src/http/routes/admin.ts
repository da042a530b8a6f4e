import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../app/deps.js';
import { createKey, createKeySchema, listKeys, revokeKey } from '../../app/manage-keys.js';
import { addMember, addMemberSchema, listMembers, setMemberSuspended } from '../../app/manage-members.js';
import { addUser, addUserSchema, disableUser, listUsers } from '../../app/manage-users.js';
import { credentialsQuerySchema } from '../../app/credentials-query.js';
import { resolveCtx } from '../auth.js';
import { idParam, jsonSchema, problemResponse } from '../openapi.js';

const errors: Record<string, unknown> = { 401: problemResponse, 403: problemResponse, 404: problemResponse, 409: problemResponse, 422: problemResponse };
const codeParam = { type: 'object', properties: { code: { type: 'string' } }, required: ['code'] } as const;

export function adminRoutes(app: FastifyInstance, deps: Deps): void {
  app.get('/api/v1/members', { schema: { tags: ['members'], summary: 'Every member', response: errors } }, async (req) => listMembers(deps, await resolveCtx(deps, req)));
  app.post('/api/v1/members', { schema: { tags: ['members'], summary: 'Add a member (operator administrators)', body: jsonSchema(addMemberSchema), response: errors } }, async (req, reply) =>
    reply.code(201).send(await addMember(deps, await resolveCtx(deps, req), req.body)),
  );
  app.post('/api/v1/members/:code/suspend', { schema: { tags: ['members'], summary: 'Suspend a member: its keys and sessions stop working', params: codeParam, response: errors } }, async (req) =>
    setMemberSuspended(deps, await resolveCtx(deps, req), (req.params as { code: string }).code, true),
  );
  app.post('/api/v1/members/:code/reinstate', { schema: { tags: ['members'], summary: 'Lift a suspension', params: codeParam, response: errors } }, async (req) =>
    setMemberSuspended(deps, await resolveCtx(deps, req), (req.params as { code: string }).code, false),
  );

  app.get('/api/v1/keys', { schema: { tags: ['keys'], summary: 'API keys (never the keys themselves)', querystring: jsonSchema(credentialsQuerySchema), response: errors } }, async (req) =>
    listKeys(deps, await resolveCtx(deps, req), req.query),
  );
  app.post('/api/v1/keys', { schema: { tags: ['keys'], summary: 'Create an API key: the `key` is shown in this answer only', body: jsonSchema(createKeySchema), response: errors } }, async (req, reply) =>
    reply.code(201).send(await createKey(deps, await resolveCtx(deps, req), req.body)),
  );
  app.post('/api/v1/keys/:id/revoke', { schema: { tags: ['keys'], summary: 'Revoke an API key', params: idParam, response: errors } }, async (req, reply) => {
    await revokeKey(deps, await resolveCtx(deps, req), (req.params as { id: string }).id);
    return reply.code(204).send();
  });

  app.get('/api/v1/users', { schema: { tags: ['users'], summary: 'Users', querystring: jsonSchema(credentialsQuerySchema), response: errors } }, async (req) =>
    listUsers(deps, await resolveCtx(deps, req), req.query),
  );
  app.post('/api/v1/users', { schema: { tags: ['users'], summary: 'Add a user with a password (stored as argon2id)', body: jsonSchema(addUserSchema), response: errors } }, async (req, reply) =>
    reply.code(201).send(await addUser(deps, await resolveCtx(deps, req), req.body)),
  );
  app.post('/api/v1/users/:username/disable', { schema: { tags: ['users'], summary: 'Disable a user and end its sessions', response: errors } }, async (req, reply) => {
    await disableUser(deps, await resolveCtx(deps, req), (req.params as { username: string }).username);
    return reply.code(204).send();
  });
}
