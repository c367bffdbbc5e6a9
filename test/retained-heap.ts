import v8 from 'node:v8';
import vm from 'node:vm';

/**
 * The heap that is still reachable, after a full collection. A peak of `heapUsed` sampled
 * between collections measures when V8 chose to collect as much as what a test keeps (a CI run
 * saw 67 MB of garbage while streaming a million rows); "bounded memory" means bounded
 * retention, so tests that stream compare this before and during the stream.
 */
v8.setFlagsFromString('--expose-gc');
const collectGarbage = vm.runInNewContext('gc') as () => void;

export function retainedHeapBytes(): number {
  collectGarbage();
  return process.memoryUsage().heapUsed;
}
