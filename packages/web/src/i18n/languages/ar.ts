import type { Dictionary } from '../dictionary.ts';
import { ar as core } from '../ar.ts';
import { ar as alertDetail } from '../messages/alert-detail.ar.ts';
import { ar as alertEditor } from '../messages/alert-editor.ar.ts';
import { ar as audit } from '../messages/audit.ar.ts';
import { ar as carrier } from '../messages/carrier.ar.ts';
import { ar as chain } from '../messages/chain.ar.ts';
import { ar as dashboard } from '../messages/dashboard.ar.ts';
import { ar as hitThread } from '../messages/hit-thread.ar.ts';
import { ar as links } from '../messages/links.ar.ts';
import { ar as navigation } from '../messages/navigation.ar.ts';
import { ar as problem } from '../messages/problem.ar.ts';
import { ar as reasons } from '../messages/reasons.ar.ts';
import { ar as review } from '../messages/review.ar.ts';
import { ar as screening } from '../messages/screening.ar.ts';
import { ar as retroactive } from '../messages/retroactive.ar.ts';
import { ar as clearances } from '../messages/clearances.ar.ts';
import { ar as recast } from '../messages/recast.ar.ts';
import { ar as assets } from '../messages/assets.ar.ts';

/** Every text in this language: one chunk, loaded only when the language is shown. */
export const dictionary: Dictionary = { ...core, ...alertDetail, ...alertEditor, ...audit, ...chain, ...dashboard, ...hitThread, ...links, ...reasons, ...review, ...screening, ...navigation, ...problem, ...retroactive, ...carrier, ...clearances, ...recast, ...assets };
