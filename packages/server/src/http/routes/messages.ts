import { listMessagesQuerySchema, messageSchema } from '@crosscheck/core';
import { messageListSchema, messageViewSchema } from '@crosscheck/core/api/schemas';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../app/deps.js';
import { getAttachment } from '../../app/messages/get-attachment.js';
import { getMessage } from '../../app/messages/get-message.js';
import { listMessages } from '../../app/messages/list-messages.js';
import { sendMessage } from '../../app/messages/send-message.js';
import { resolveCtx } from '../auth.js';
import { sendAsDownload } from '../download-headers.js';
import { idParam, jsonSchema, problemResponse, responseSchema } from '../openapi.js';

const tags = ['messages'];
const errors: Record<string, unknown> = { 400: problemResponse, 401: problemResponse, 403: problemResponse, 404: problemResponse, 413: problemResponse, 422: problemResponse };
const attachmentParams = {
  type: 'object',
  properties: { id: { type: 'string', maxLength: 40 }, attachmentId: { type: 'string', maxLength: 40 } },
  required: ['id', 'attachmentId'],
} as const;

export function messagesRoutes(app: FastifyInstance, deps: Deps): void {
  app.post(
    '/api/v1/messages',
    { schema: { tags, summary: 'Send a message to other members’ bureaus, with up to 5 attachments of at most 1 MiB each (base64)', body: jsonSchema(messageSchema), response: { 201: responseSchema('The sent message with its recipients and attachments (without their bytes)', messageViewSchema), ...errors } } },
    async (req, reply) => {
      const message = await sendMessage(deps, await resolveCtx(deps, req), req.body);
      return reply.code(201).header('location', `/api/v1/messages/${message.id}`).send(message);
    },
  );

  app.get(
    '/api/v1/messages',
    { schema: { tags, summary: 'Your inbox (box=inbox) or sent messages (box=sent), newest first, without bodies', querystring: jsonSchema(listMessagesQuerySchema), response: { 200: responseSchema('Messages, newest first, without their bodies', messageListSchema), ...errors } } },
    async (req) => listMessages(deps, await resolveCtx(deps, req), req.query),
  );

  app.get(
    '/api/v1/messages/:id',
    { schema: { tags, summary: 'One message; reading it as a recipient records the read receipt', params: idParam, response: { 200: responseSchema('The message with its body and attachments; for the sender, the recipients with readAt', messageViewSchema), ...errors } } },
    async (req) => getMessage(deps, await resolveCtx(deps, req), (req.params as { id: string }).id),
  );

  app.get(
    '/api/v1/messages/:id/attachments/:attachmentId',
    { schema: { tags, summary: 'The bytes of one attachment, as a download', params: attachmentParams, response: errors } },
    async (req, reply) => {
      const { id, attachmentId } = req.params as { id: string; attachmentId: string };
      const a = await getAttachment(deps, await resolveCtx(deps, req), id, attachmentId);
      return sendAsDownload(reply, a.filename, a.bytes);
    },
  );
}
