import type { Dictionary } from '../dictionary.ts';
import { es as core } from '../es.ts';
import { es as alertDetail } from '../messages/alert-detail.es.ts';
import { es as alertEditor } from '../messages/alert-editor.es.ts';
import { es as audit } from '../messages/audit.es.ts';
import { es as carrier } from '../messages/carrier.es.ts';
import { es as chain } from '../messages/chain.es.ts';
import { es as dashboard } from '../messages/dashboard.es.ts';
import { es as hitThread } from '../messages/hit-thread.es.ts';
import { es as links } from '../messages/links.es.ts';
import { es as navigation } from '../messages/navigation.es.ts';
import { es as problem } from '../messages/problem.es.ts';
import { es as reasons } from '../messages/reasons.es.ts';
import { es as review } from '../messages/review.es.ts';
import { es as screening } from '../messages/screening.es.ts';
import { es as retroactive } from '../messages/retroactive.es.ts';
import { es as clearances } from '../messages/clearances.es.ts';
import { es as recast } from '../messages/recast.es.ts';
import { es as assets } from '../messages/assets.es.ts';

/** Every text in this language: one chunk, loaded only when the language is shown. */
export const dictionary: Dictionary = { ...core, ...alertDetail, ...alertEditor, ...audit, ...chain, ...dashboard, ...hitThread, ...links, ...reasons, ...review, ...screening, ...navigation, ...problem, ...retroactive, ...carrier, ...clearances, ...recast, ...assets };
