/**
 * The shapes of API answers that the server builds and the web app reads, written once. Types
 * and constants only at run time: the browser imports this as `@crosscheck/core/api`, and the
 * screening contract's zod schemas (./screening.ts, which the server imports as
 * `@crosscheck/core/api/schemas`) are re-exported here as types only, so no page loads zod.
 */
export type { CountryHits, DashboardStats, DayHits, KindStatusCount, OverdueReplyItem } from './stats.js';
export { LINK_COLORS, type LinkColor } from './link-colors.js';
export type { AlertSubject } from '../alerts/alert-subject.js';
export type { AuditEntryView, NamedAlert } from './audit.js';
export type { GraphAlertNode, GraphDocumentNode, GraphEdge, GraphHitNode, GraphNode, LinkedAlert, LinkGraph, LinkView } from './links.js';
export type { HandlingCode, HitDetail, HitFormView, HitList, HitListItem, HitOutcomeView, HitView, RetroactiveView } from './hits.js';
export type { PhotoInfo, PhotoList } from './photos.js';
export type { AttachmentView, MessageList, MessageSummary, MessageView } from './messages.js';
export type { AlertFlagView, ReviewItemView, ReviewOutcomeView, ReviewQueue } from './review.js';
export type { AlertChange, AlertChanges, AlertDetail, AlertHistory, AlertList, AlertListItem, AlertVersion, AlertViewData, StoredAlert } from './alerts.js';
export type { AssetLink } from './alerts.js';
export type { Finding, FindingDecoded, FindingList, FindingLocation, FindingMatch, FindingPlace, FindingText, ScannedFinding } from './chain.js';
export type {
  BatchErrorItem,
  BatchItem,
  FlightReport,
  FlightTraveller,
  FullScreenResult,
  InstructionOnlyScreenResult,
  ScreenBatchResponse,
  ScreenResponse,
  ScreenResult,
  ScreenResultAccess,
  ScreeningWarningView,
  TerritoryFlagView,
} from './screening.js';
export type { ProbeSource } from '../screening/probe-sources.js';
export type { DocumentCheckResponse } from './carrier.js';
export type { ClearanceList, ClearanceView, ClearedBefore } from './clearances.js';
