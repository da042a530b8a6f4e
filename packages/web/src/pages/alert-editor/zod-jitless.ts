import { config } from 'zod';

// zod compiles object parsers with `new Function` unless told not to, and decides so when each
// schema is built: the page's Content-Security-Policy refuses eval (a console error, and the
// browser tests fail on any). This module must therefore run before the core's schemas are
// built: validation.ts imports it first.
config({ jitless: true });
