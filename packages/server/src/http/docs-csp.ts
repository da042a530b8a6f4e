/**
 * The content security policy of the browsable API documentation (/docs, swagger-ui). Its page
 * loads only its own scripts and style sheets; swagger-ui sets styles through the DOM, which a
 * policy does not govern, so no inline style or script is allowed. Its logo is a data: image; its
 * "try it out" calls this API only; it may not be framed nor post forms anywhere.
 */
export const DOCS_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; object-src 'none'";
