import { createHash } from 'node:crypto';

/**
 * The one inline style swagger-ui renders: the colours of its logo, an inline SVG. Allowed by its
 * hash alone, so that no other inline style (an injected one included) applies. A new swagger-ui
 * that changes it shows as a violation in the browser test of /docs.
 */
const LOGO_STYLE = '.logo_small_svg__cls-2{fill:#fff}.logo_small_svg__cls-3{fill:#85ea2d}';
const LOGO_STYLE_HASH = `'sha256-${createHash('sha256').update(LOGO_STYLE).digest('base64')}'`;

/**
 * The content security policy of the browsable API documentation (/docs, swagger-ui). Its page
 * loads only its own scripts and style sheets; swagger-ui sets other styles through the DOM, which
 * a policy does not govern. Its logo is a data: image; its "try it out" calls this API only; it
 * may not be framed nor post forms anywhere.
 */
export const DOCS_CSP = `default-src 'none'; script-src 'self'; style-src 'self' ${LOGO_STYLE_HASH}; img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; object-src 'none'`;
