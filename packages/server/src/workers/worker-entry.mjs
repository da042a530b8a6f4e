// A worker thread starts without the TypeScript loader of the thread that made it: register it
// here, then run the worker itself.
import { register } from 'tsx/esm/api';

register();
await import('./worker-thread.ts');
