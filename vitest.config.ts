import { existsSync } from 'node:fs';
import { defineConfig } from 'vitest/config';
import { CHROMIUM } from './test/support/chromium.js';

const browserTests = 'apps/web/test/**/*.e2e.test.ts';
// scripts/test-machine.sh installs Chromium where it can (as root) and fails CI without it;
// elsewhere the browser tests are left out with the one line it printed, and nothing else fails
// (and TEST_BROWSER=off, for runs of files that need no browser, such as npm run test:dates)
const withBrowser = existsSync(CHROMIUM) && process.env.TEST_BROWSER !== 'off';

export default defineConfig({
  test: {
    include: ['apps/*/test/**/*.test.ts', 'packages/*/test/**/*.test.ts'],
    exclude: ['**/node_modules/**', ...(withBrowser ? [] : [browserTests])],
    globalSetup: [
      './test/support/global-setup.ts',
      ...(withBrowser ? ['./test/support/browser-setup.ts'] : []),
    ],
    pool: 'forks',
    // Two files at a time: many wait on a browser, a timer or PostgreSQL rather than on a core
    // (the default on two cores is one at a time; three starve the browser tests of CPU).
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    teardownTimeout: 30_000,
    // browser tests wait on pages that render a moment later on a busy two-core machine
    expect: { poll: { timeout: 10_000 } },
  },
});
