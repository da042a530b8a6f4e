import v8 from 'node:v8';
import vm from 'node:vm';

let collect: (() => void) | null = null;

/** A full garbage collection, so that heap figures and timings do not inherit the previous step's garbage. */
export function gc(): void {
  if (!collect) {
    v8.setFlagsFromString('--expose-gc');
    collect = vm.runInNewContext('gc') as () => void;
  }
  collect();
}
