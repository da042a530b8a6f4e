import { buildProgram } from './program.js';
import { endQuietlyOnClosedOutput, reportError } from './context.js';

/** Commands that run until stopped: for them a closed output is a failure, not the end of the work. */
const SERVERS = new Set(['serve', 'replica']);
let serving = false;

endQuietlyOnClosedOutput(() => serving);
buildProgram()
  .hook('preAction', (_program, action) => {
    serving = SERVERS.has(action.name());
  })
  .parseAsync(process.argv)
  .catch(reportError);
