import { buildProgram } from './program.js';
import { endQuietlyOnClosedOutput, reportError } from './context.js';

endQuietlyOnClosedOutput();
buildProgram().parseAsync(process.argv).catch(reportError);
