import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, shiftedClock } from '../src/index.js';

const base = {
  DATA_DIR: '/tmp/lianxi-clock-config',
  JWT_SECRET: 'a-secret-that-is-long-enough-for-hs256-0123456789',
  REPORTER_KEYS: `k1:${Buffer.alloc(32, 3).toString('base64')}`,
};

describe('a clock off real time', () => {
  it('runs a rehearsal the configured offset ahead, and is refused in production', () => {
    const day = 86_400_000;
    const config = loadConfig({ ...base, NODE_ENV: 'test', CLOCK_OFFSET_MS: String(3 * day) });
    expect(config.clockOffsetMs).toBe(3 * day);
    const ahead =
      shiftedClock(config.clockOffsetMs ?? 0)
        .now()
        .getTime() - Date.now();
    expect(ahead).toBeGreaterThan(3 * day - 1000);
    expect(ahead).toBeLessThanOrEqual(3 * day);
    expect(() =>
      loadConfig({ ...base, NODE_ENV: 'production', CLOCK_OFFSET_MS: String(day) }),
    ).toThrow(ConfigError);
    expect(loadConfig({ ...base, NODE_ENV: 'production' }).clockOffsetMs).toBe(0);
  });
});
