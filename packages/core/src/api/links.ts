import { z } from 'zod';
import { alertSubjectSchema } from './alert-subject.js';
import { LINK_COLORS } from './link-colors.js';

/** Identity links as the API presents them (server app/links/; the web's links page). */

export const linkedAlertSchema = z
  .object({
    id: z.string(),
    kind: z.string(),
    owner: z.string(),
    label: z.string().describe('A name or a document number or plate, to tell the two records apart at a glance'),
    subject: alertSubjectSchema,
    ownerName: z.string().describe('The owner member’s name'),
  })
  .strict();

export const linkViewSchema = z
  .object({
    id: z.string(),
    color: z.enum(LINK_COLORS),
    basis: z.string().describe('document or name-birth-date'),
    detail: z
      .object({
        issuingState: z.string().optional(),
        number: z.string().optional(),
        birthDate: z.string().optional(),
        nameScore: z.number().optional(),
        purged: z.literal(true).optional().describe('The alert was purged: what the link was found on is gone'),
      })
      .strict()
      .describe('What the link was found on: the shared document, or the birth date and name score'),
    alerts: z.tuple([linkedAlertSchema, linkedAlertSchema]),
    reason: z.string().nullable(),
    decidedBy: z.string().nullable().describe('Named to the deciding member only'),
    decidedByName: z.string().nullable().describe('The deciding user’s name or key’s label, to the deciding member only'),
    decidedMember: z.string().nullable(),
    decidedAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .strict();

/** `GET /api/v1/links`. */
export const linkListSchema = z.object({ items: z.array(linkViewSchema) }).strict();

export const graphAlertNodeSchema = z
  .object({
    id: z.string(),
    type: z.literal('alert'),
    alertId: z.string(),
    kind: z.string(),
    owner: z.string(),
    status: z.string(),
    category: z.string().nullable(),
    label: z.string(),
    subject: alertSubjectSchema,
    ownerName: z.string().describe('The owner member’s name'),
    hitCount: z.number().int().describe('Hits on this alert that the caller’s member is party to (owner or screening member)'),
  })
  .strict();

export const graphDocumentNodeSchema = z
  .object({ id: z.string(), type: z.literal('document'), issuingState: z.string(), number: z.string(), documentType: z.string().nullable() })
  .strict();

export const graphHitNodeSchema = z
  .object({
    id: z.string(),
    type: z.literal('hit'),
    hitId: z.string(),
    alertId: z.string(),
    owner: z.string(),
    screeningMember: z.string(),
    score: z.number(),
    outcome: z.string().nullable(),
    createdAt: z.string(),
  })
  .strict();

export const graphNodeSchema = z.discriminatedUnion('type', [graphAlertNodeSchema, graphDocumentNodeSchema, graphHitNodeSchema]);

/**
 * link: an identity link (with its view); holds: a person alert carries a document;
 * same-document: that document is the one a document alert is about; hit: a hit on an alert.
 */
export const graphEdgeSchema = z
  .object({
    id: z.string(),
    type: z.enum(['link', 'holds', 'same-document', 'hit']),
    source: z.string(),
    target: z.string(),
    link: linkViewSchema.optional(),
  })
  .strict();

/** `GET /api/v1/links/graph`. */
export const linkGraphSchema = z.object({ nodes: z.array(graphNodeSchema), edges: z.array(graphEdgeSchema) }).strict();

export type LinkedAlert = z.infer<typeof linkedAlertSchema>;
export type LinkView = z.infer<typeof linkViewSchema>;
export type GraphAlertNode = z.infer<typeof graphAlertNodeSchema>;
export type GraphDocumentNode = z.infer<typeof graphDocumentNodeSchema>;
export type GraphHitNode = z.infer<typeof graphHitNodeSchema>;
export type GraphNode = z.infer<typeof graphNodeSchema>;
export type GraphEdge = z.infer<typeof graphEdgeSchema>;
export type LinkGraph = z.infer<typeof linkGraphSchema>;
