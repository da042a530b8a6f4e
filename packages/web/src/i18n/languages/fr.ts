import type { Dictionary } from '../dictionary.ts';
import { fr as core } from '../fr.ts';
import { fr as alertDetail } from '../messages/alert-detail.fr.ts';
import { fr as alertEditor } from '../messages/alert-editor.fr.ts';
import { fr as audit } from '../messages/audit.fr.ts';
import { fr as carrier } from '../messages/carrier.fr.ts';
import { fr as chain } from '../messages/chain.fr.ts';
import { fr as dashboard } from '../messages/dashboard.fr.ts';
import { fr as hitThread } from '../messages/hit-thread.fr.ts';
import { fr as links } from '../messages/links.fr.ts';
import { fr as navigation } from '../messages/navigation.fr.ts';
import { fr as problem } from '../messages/problem.fr.ts';
import { fr as reasons } from '../messages/reasons.fr.ts';
import { fr as review } from '../messages/review.fr.ts';
import { fr as screening } from '../messages/screening.fr.ts';
import { fr as retroactive } from '../messages/retroactive.fr.ts';
import { fr as clearances } from '../messages/clearances.fr.ts';
import { fr as recast } from '../messages/recast.fr.ts';
import { fr as assets } from '../messages/assets.fr.ts';

/** Every text in this language: one chunk, loaded only when the language is shown. */
export const dictionary: Dictionary = { ...core, ...alertDetail, ...alertEditor, ...audit, ...chain, ...dashboard, ...hitThread, ...links, ...reasons, ...review, ...screening, ...navigation, ...problem, ...retroactive, ...carrier, ...clearances, ...recast, ...assets };
