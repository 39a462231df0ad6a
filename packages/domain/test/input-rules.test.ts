import {
  checkYears,
  CreateBriefingInput,
  CreateClueInput,
  CreateLetterInput,
  CreateMeetingInput,
  CreditCode,
  creditCodeCheckChar,
  hasControlCharacter,
  ImportCalendarInput,
  isPhoneNumber,
  isValidCreditCode,
  Month,
  Phone,
  PlainString,
  Text,
  yearProblem,
} from '@lianxi/domain';
import { describe, expect, it } from 'vitest';

const messages = (r: { success: boolean; error?: { issues: { message: string }[] } }) =>
  r.error?.issues.map((i) => i.message) ?? [];

describe('统一社会信用代码 (GB 32100-2015)', () => {
  it('accepts real codes whose check character is right', () => {
    // published codes: 华为技术有限公司, 深圳市腾讯计算机系统有限公司, and the standard's example
    for (const code of ['914403001922038216', '9144030071526726XG', '91350100M000100Y43']) {
      expect(isValidCreditCode(code), code).toBe(true);
      expect(CreditCode.parse(code)).toBe(code);
    }
  });

  it('computes the check character as 31 − (Σ value × 3^i mod 31), 31 written 0', () => {
    expect(creditCodeCheckChar('91440300192203821')).toBe('6');
    expect(creditCodeCheckChar('9144030071526726X')).toBe('G');
    // a sum that is a multiple of 31 gives 31, written 0
    const zero = ['1'.repeat(16), '0'].join('');
    const check = creditCodeCheckChar(zero);
    expect(check).toMatch(/^[0-9A-HJ-NPQRTUWXY]$/);
    expect(creditCodeCheckChar('short')).toBeNull();
    expect(creditCodeCheckChar('9144030019220382I')).toBeNull(); // I is not a symbol
  });

  it('refuses a wrong check character, with the message the clerk reads', () => {
    const r = CreditCode.safeParse('914403001922038217');
    expect(r.success).toBe(false);
    expect(messages(r)).toEqual(['统一社会信用代码校验位不正确，请核对后重新输入']);
    // one digit mistyped in the body is caught too
    expect(isValidCreditCode('914403001922038316')).toBe(false);
  });

  it('refuses the wrong length and the letters the standard leaves out', () => {
    expect(messages(CreditCode.safeParse('91440300192203821'))).toEqual([
      '统一社会信用代码应为18位',
    ]);
    for (const bad of ['91440300192203821I', '9144030019220382O6', '91440300192203S216']) {
      const r = CreditCode.safeParse(bad);
      expect(r.success, bad).toBe(false);
      expect(messages(r)[0]).toContain('不含 I、O、S、V、Z');
    }
    expect(CreditCode.safeParse('91440300-192203821').success).toBe(false);
  });

  it('reads lower case, full-width forms and spaces as the same code (they change no symbol)', () => {
    expect(CreditCode.parse('9144030071526726xg')).toBe('9144030071526726XG');
    expect(CreditCode.parse('９１４４０３００１９２２０３８２１６')).toBe('914403001922038216');
    expect(CreditCode.parse(' 9144 0300 1922 0382 16 ')).toBe('914403001922038216');
  });

  it('is what a clue subject is held to', () => {
    const clue = (creditCode: string) =>
      CreateClueInput.safeParse({
        channel: 'hotline',
        subject: { name: '某公司', creditCode },
        category: 'online',
        description: '发展下线',
      });
    expect(clue('914403001922038216').success).toBe(true);
    expect(messages(clue('914403001922038210'))).toEqual([
      '统一社会信用代码校验位不正确，请核对后重新输入',
    ]);
  });
});

describe('phone numbers', () => {
  it('accepts mobiles and landlines with their area code', () => {
    for (const p of [
      '13912345678',
      '19912345678',
      '+8613912345678',
      '010-12345678',
      '0755-1234567',
      '0791-8888888',
      '02112345678',
      '010-12345678-801',
    ]) {
      expect(isPhoneNumber(p), p).toBe(true);
    }
  });

  it('refuses what is not a number one can call back', () => {
    for (const p of ['abc', '12345678901', '1391234567', '139123456789', '12345678', '010-123']) {
      expect(isPhoneNumber(p), p).toBe(false);
    }
    expect(messages(Phone.safeParse('8888'))[0]).toContain('电话号码格式不正确');
  });
});

describe('control characters', () => {
  it('refuses C0 (but tab, newline, carriage return), DEL and C1 in every text', () => {
    expect(hasControlCharacter('第一行\n第二行\t缩进\r')).toBe(false);
    for (const ch of ['\u0000', '\u0007', '\u001b', '\u007f', '\u0080', '\u0085', '\u009f']) {
      expect(hasControlCharacter(`a${ch}b`), ch.charCodeAt(0).toString(16)).toBe(true);
      expect(messages(Text(1, 50).safeParse(`名称${ch}`))).toEqual(['不能包含控制字符']);
      expect(PlainString().safeParse(`x${ch}`).success).toBe(false);
    }
    expect(hasControlCharacter('é 中文 ＡＢ')).toBe(false); // U+00A0 and above are text
  });

  it('holds fields that were not built with Text as well', () => {
    const url = CreateClueInput.safeParse({
      channel: 'hotline',
      subject: { name: '某公司', url: 'http://a.example\u0085.cn' },
      category: 'online',
      description: '发展下线',
    });
    expect(messages(url)).toEqual(['不能包含控制字符']);
    const calendar = ImportCalendarInput.safeParse({
      source: '国务院\u0090通知',
      days: [{ date: '2027-01-01', workday: false, name: '元旦\u0000' }],
    });
    expect(calendar.error?.issues.map((i) => i.path.join('.'))).toEqual(['source', 'days.0.name']);
  });
});

describe('the window for typed years', () => {
  const now = new Date('2026-12-04T08:00:00Z');

  it('is 2000 to next year, counted in Beijing time', () => {
    expect(yearProblem(2000, now)).toBeNull();
    expect(yearProblem(2027, now)).toBeNull();
    expect(yearProblem(1999, now)).toBe('年份应在 2000 年至 2027 年之间');
    expect(yearProblem(2028, now)).toBe('年份应在 2000 年至 2027 年之间');
    expect(yearProblem(90, now)).not.toBeNull();
    // 31 Dec 16:00 UTC is already 1 January in Beijing: next year is then 2028
    expect(yearProblem(2028, new Date('2026-12-31T16:00:00Z'))).toBeNull();
  });

  it('checkYears names every field refused and refuses as bad input', () => {
    expect(() => checkYears([{ field: 'body.year', year: 2026 }], now)).not.toThrow();
    try {
      checkYears(
        [
          { field: 'body.from', year: 1999 },
          { field: 'body.to', year: 2999 },
        ],
        now,
      );
      expect.unreachable();
    } catch (e) {
      expect(e).toMatchObject({
        code: 'invalid_input',
        errors: [
          { field: 'body.from', message: '年份应在 2000 年至 2027 年之间' },
          { field: 'body.to', message: '年份应在 2000 年至 2027 年之间' },
        ],
      });
    }
  });

  it('schemas hold the fixed outer window without a clock', () => {
    const meeting = (heldAt: string) =>
      CreateMeetingInput.safeParse({ kind: 'regular', title: '例会', heldAt });
    expect(meeting('2026-11-20T02:00:00Z').success).toBe(true);
    expect(meeting('0607-11-20T02:00:00Z').success).toBe(false);
    expect(meeting('2999-11-20T02:00:00Z').success).toBe(false);
    // a string that is no date at all gets the format's message only, and never throws
    expect(messages(meeting('garbage'))).toHaveLength(1);
    expect(messages(Month.safeParse('abc'))).toEqual(['月份格式应为 YYYY-MM']);
    expect(Month.safeParse('1999-12').success).toBe(false);
    expect(Month.safeParse('2100-01').success).toBe(false);
    expect(Month.safeParse('2026-11').success).toBe(true);
    const letter = CreateLetterInput.shape.year;
    expect(letter.safeParse(90).success).toBe(false);
    expect(letter.safeParse(2026.5).success).toBe(false);
    expect(
      CreateBriefingInput.safeParse({ from: '0607-01-01', to: '2026-11-30' }).error?.issues[0].path,
    ).toEqual(['from']);
  });
});
