import { describe, expect, it } from 'vitest';
import { chineseDate, chineseDateTime } from '../src/index.js';

describe('dates in messages', () => {
  it('name the Beijing day with its weekday, never the UTC one', () => {
    // 23:59:59.999 Beijing is 15:59:59.999 UTC: the ISO form would read as the same day only by luck
    const endOfDay = new Date('2026-12-23T15:59:59.999Z');
    expect(chineseDate(endOfDay, 'Asia/Shanghai')).toBe('2026年12月23日（星期三）');
    // 00:30 Beijing on 1 January is still 31 December in UTC
    const newYear = new Date('2026-12-31T16:30:00Z');
    expect(chineseDate(newYear, 'Asia/Shanghai')).toBe('2027年1月1日（星期五）');
    expect(chineseDateTime(newYear, 'Asia/Shanghai')).toBe('2027年1月1日（星期五）00:30');
    expect(chineseDate(newYear, 'UTC')).toBe('2026年12月31日（星期四）');
  });
});
