import { createConfig, lintFromString } from '@redocly/openapi-core';
import { Spectral } from '@stoplight/spectral-core';
import { oas } from '@stoplight/spectral-rulesets';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../../../test/support/harness.js';

// the linters run here only, offline: nothing is reported anywhere
process.env.REDOCLY_TELEMETRY = 'off';
process.env.REDOCLY_SUPPRESS_UPDATE_NOTICE = 'true';

let env: TestEnv;
let source: string;
beforeAll(async () => {
  env = await createTestEnv();
  const res = await env.app.inject({ method: 'GET', url: '/docs/json' });
  expect(res.statusCode).toBe(200);
  source = res.body;
});
afterAll(() => env.close());

/** One line a problem: where it is and what the rule says, so a failure reads as a to-do list. */
const lines = (problems: string[]) => (problems.length ? `\n${problems.join('\n')}\n` : '');

describe('the OpenAPI document as an integrator lints it', () => {
  it('Redocly (recommended) finds no error and no warning', async () => {
    const config = await createConfig({ extends: ['recommended'] });
    const problems = await lintFromString({ source, absoluteRef: '/docs/json', config });
    const found = problems
      .filter((p) => p.severity === 'error' || p.severity === 'warn')
      .map((p) => `${p.severity} ${p.ruleId} ${p.location[0]?.pointer ?? ''}: ${p.message}`);
    expect(lines(found), `Redocly: ${found.length} problems`).toBe('');
  });

  it('Spectral (spectral:oas) finds no error and no warning', async () => {
    const spectral = new Spectral();
    spectral.setRuleset({ extends: [[oas, 'recommended']] } as never);
    const results = await spectral.run(source);
    // severity 0 is an error, 1 a warning; 2 and 3 are information and hints
    const found = results
      .filter((r) => r.severity <= 1)
      .map(
        (r) =>
          `${r.severity === 0 ? 'error' : 'warn'} ${String(r.code)} ${r.path.join('.')}: ${r.message}`,
      );
    expect(lines(found), `Spectral: ${found.length} problems`).toBe('');
  });
});
