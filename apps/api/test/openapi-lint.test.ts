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

  it('every operation answers its errors with the one Problem; uploads and files say their types', () => {
    type Op = {
      operationId?: string;
      security?: unknown[];
      requestBody?: { content: Record<string, unknown> };
      responses: Record<string, { $ref?: string; content?: Record<string, unknown> }>;
    };
    const doc = JSON.parse(source) as {
      paths: Record<string, Record<string, Op>>;
      components: { responses: Record<string, { content: Record<string, { schema: unknown }> }> };
    };
    const ops = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.entries(item).map(([method, op]) => ({ key: `${method.toUpperCase()} ${path}`, op })),
    );
    for (const { key, op } of ops) {
      const errors = Object.entries(op.responses).filter(([status]) => Number(status) >= 400);
      expect(errors.length, key).toBeGreaterThan(0);
      for (const [status, response] of errors) {
        const name = response.$ref?.replace('#/components/responses/', '') ?? '';
        expect(doc.components.responses[name]?.content, `${key} ${status}`).toEqual({
          'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } },
        });
      }
    }
    const byKey = new Map(ops.map((o) => [o.key, o.op]));
    for (const upload of [
      'POST /api/clues/{id}/attachments',
      'POST /api/work-orders/{id}/attachments',
      'POST /api/tasks/{id}/attachments',
      'POST /api/stat-reports/import',
    ]) {
      expect(Object.keys(byKey.get(upload)?.requestBody?.content ?? {}), upload).toEqual([
        'multipart/form-data',
      ]);
      expect(Object.keys(byKey.get(upload)?.responses ?? {}), upload).toEqual(
        expect.arrayContaining(['400', '413', '415']),
      );
    }
    const fileTypes = (key: string) => Object.keys(byKey.get(key)?.responses['200']?.content ?? {});
    expect(fileTypes('GET /api/briefings/{id}/docx')).toEqual([
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ]);
    expect(fileTypes('GET /api/briefings/{id}/html')).toEqual(['text/html']);
    expect(fileTypes('GET /api/attachments/{id}')).toContain('application/pdf');
    for (const key of [...byKey.keys()].filter((k) => k.startsWith('GET /api/exports/'))) {
      expect(fileTypes(key), key).toEqual([
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      ]);
    }
    expect(byKey.get('POST /api/auth/login')?.security).toEqual([]);
    expect(Object.keys(byKey.get('POST /api/auth/login')?.responses ?? {})).toEqual(
      expect.arrayContaining(['400', '401', '429']),
    );
    expect(byKey.get('POST /api/tasks/{id}/accept')?.operationId).toBe('acceptTask');
    expect(byKey.get('GET /api/tasks')?.operationId).toBe('listTasks');
  });
});
