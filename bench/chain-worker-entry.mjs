// A worker thread starts without the TypeScript loader of the thread that made it: register it
// here, then run the benchmark file, which scans the file it is given when not on the main thread.
import { register } from 'tsx/esm/api';

register();
await import('./chain.ts');
