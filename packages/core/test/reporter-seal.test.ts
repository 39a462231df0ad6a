import { openReporter, parseReporterKeys, sealReporter } from '@lianxi/core';
import { describe, expect, it } from 'vitest';

const k = (n: number) => Buffer.alloc(32, n).toString('base64');
const reporter = { name: '李四', phone: '13800000000' };
const CONFERENCE = '11111111-1111-4111-8111-111111111111';

describe('sealing a reporter', () => {
  it('opens with the key it was sealed with, also after the current key rotates', () => {
    const old = parseReporterKeys(`k0:${k(3)}`);
    const { sealed, keyId } = sealReporter(reporter, CONFERENCE, old);
    expect(keyId).toBe('k0');
    expect(Buffer.from(sealed, 'base64').toString('latin1')).not.toContain('13800000000');
    const rotated = parseReporterKeys(`k1:${k(4)},k0:${k(3)}`);
    expect(openReporter(sealed, keyId, CONFERENCE, rotated)).toEqual(reporter);
    expect(sealReporter(reporter, CONFERENCE, rotated).keyId).toBe('k1');
  });

  it('yields nothing for a lost key, another conference, or a tampered seal', () => {
    const keys = parseReporterKeys(`k0:${k(3)}`);
    const { sealed } = sealReporter(reporter, CONFERENCE, keys);
    expect(openReporter(sealed, 'k9', CONFERENCE, keys)).toBeNull();
    expect(openReporter(sealed, 'k0', '22222222-2222-4222-8222-222222222222', keys)).toBeNull();
    const bytes = Buffer.from(sealed, 'base64');
    bytes[bytes.length - 1] ^= 1;
    expect(openReporter(bytes.toString('base64'), 'k0', CONFERENCE, keys)).toBeNull();
  });

  it('refuses keys that are not 32 bytes', () => {
    expect(() => parseReporterKeys(`k0:${Buffer.alloc(16).toString('base64')}`)).toThrow(
      /REPORTER_KEYS/,
    );
  });
});
