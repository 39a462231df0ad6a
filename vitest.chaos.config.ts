import { defineConfig } from 'vitest/config';

/** `npm run test:chaos`: each scenario brings its own PostgreSQL and Redis; one at a time. */
export default defineConfig({
  test: {
    include: ['test/chaos/**/*.chaos.ts'],
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 600_000,
    hookTimeout: 120_000,
    teardownTimeout: 10_000,
  },
});
