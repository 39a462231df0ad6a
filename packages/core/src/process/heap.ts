import { setFlagsFromString } from 'node:v8';

/**
 * Lets V8's old generation grow to 1.25× what survived the last full collection before it
 * collects again. By default, on a host with memory to spare, it lets garbage pile up to
 * several times the live heap: the API keeps ~30 MB alive, yet under load its peak was set
 * by garbage (~270 MB). With this, and the larger young generation the services start with
 * (SERVICE_NODE_FLAGS in scripts/build-services.ts), the API peaked at 191 MB and the worker
 * at 180 MB in `npm run bench`. Services call it first thing; it changes how far the heap
 * grows, not how large it may become.
 */
export function collectGarbageSooner(): void {
  setFlagsFromString('--heap-growing-percent=25');
}
