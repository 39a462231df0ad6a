import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = join(ROOT, 'dist');

/** What `npm start`, `npm run api` and `npm run worker` run, built from these sources. */
export const SERVICES = {
  start: 'scripts/start.ts',
  api: 'apps/api/src/server.ts',
  worker: 'apps/worker/src/main.ts',
} as const;
export type Service = keyof typeof SERVICES;

/**
 * What every service bundle runs with: a young generation of 2 × 32 MB instead of 2 × 16.
 * Under load a request's objects live across its database round trip; with the smaller
 * one they outlived two scavenges, were promoted, and the old generation's collections
 * took a third of the API's CPU. V8 reads this only at start, so it is a command-line
 * flag: package.json, the Dockerfile and docker-compose.yml give it where they start a
 * bundle (a test holds them to it).
 */
export const SERVICE_NODE_FLAGS = ['--max-semi-space-size=32'];

/**
 * Code that finds files next to its source (migrations, the web build) keeps finding them
 * from the bundle: its `import.meta.url` becomes the source file's URL, worked out from
 * wherever the bundle lies, so the checkout may move after building.
 */
const sourceUrls: Plugin = {
  name: 'source-urls',
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      if (!text.includes('import.meta.url')) return undefined;
      const fromBundle = relative(OUT, args.path).split('\\').join('/');
      return {
        contents: text.replaceAll(
          'import.meta.url',
          `new URL(${JSON.stringify(fromBundle)}, import.meta.url).href`,
        ),
        loader: 'ts',
      };
    });
  },
};

/**
 * Our workspace packages are bundled (they are TypeScript); every other import stays an
 * import of node_modules. None of ours is imported for its side effects alone, so an import
 * whose names the service never uses is dropped: the API does not load BullMQ because a
 * shared package it uses also holds the worker's queues.
 */
const externals: Plugin = {
  name: 'externals',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path.startsWith('@lianxi/')
        ? undefined
        : { path: args.path, external: true, sideEffects: false },
    );
  },
};

/**
 * Bundles one service into `dist/<name>.mjs`. Plain `node` runs it: no TypeScript loader
 * in the process (about 50 MB less memory, no compiling at start). Written under a
 * temporary name and renamed, so services built at the same moment never read half a file.
 */
export async function buildService(name: Service): Promise<string> {
  const result = await build({
    entryPoints: [join(ROOT, SERVICES[name])],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    write: false,
    outfile: join(OUT, `${name}.mjs`),
    plugins: [externals, sourceUrls],
    logLevel: 'warning',
  });
  const target = join(OUT, `${name}.mjs`);
  mkdirSync(dirname(target), { recursive: true });
  const temporary = `${target}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(temporary, result.outputFiles[0].contents);
  renameSync(temporary, target);
  return target;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const names = process.argv.slice(2) as Service[];
  const unknown = names.filter((n) => !(n in SERVICES));
  if (unknown.length) {
    console.error(
      `unknown service ${unknown.join(', ')}; one of ${Object.keys(SERVICES).join(', ')}`,
    );
    process.exit(2);
  }
  for (const name of names.length ? names : (Object.keys(SERVICES) as Service[])) {
    await buildService(name);
  }
}
