import { z } from 'zod';

/**
 * A code people type in any case and with stray spaces (`fra`, ` D `), kept trimmed and
 * upper-case. The pattern checks the value as sent, before it is normalised, so that the OpenAPI
 * document, generated from the schema, shows what the server accepts (a pattern checked after
 * `toUpperCase()` would document `^[A-Z]{3}$` for a field that takes `fra`).
 * `chars` is the code's characters as a regex class with its count, e.g. `[A-Za-z]{3}`.
 */
export function typedCode(chars: string, message: string) {
  return z.string().regex(new RegExp(`^\\s*${chars}\\s*$`), message).trim().toUpperCase();
}
