import { collectGarbageSooner, loadConfig } from '@lianxi/core';
import { buildApp } from './app.js';
import { openApiDeps } from './runtime.js';

/** The API alone, as deployments run it beside separate worker processes. */
collectGarbageSooner();
const config = loadConfig();
const deps = openApiDeps(config);
const app = await buildApp(deps);
await app.listen({ port: config.port, host: config.host });

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'shutting down: finishing in-flight requests');
    await app.close();
    await deps.close();
    process.exit(0);
  });
}
