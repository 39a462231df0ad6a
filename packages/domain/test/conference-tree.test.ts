import { childLevel, CreateSubConferenceInput, mayStandBelow } from '@lianxi/domain';
import { describe, expect, it } from 'vitest';

describe('what may stand below what', () => {
  it('runs province → city → district or county → township', () => {
    expect(childLevel('province')).toBe('city');
    expect(childLevel('city')).toBe('district');
    expect(childLevel('district')).toBe('township');
    expect(childLevel('township')).toBeNull();
    expect(childLevel('community')).toBeNull();
  });
  it('allows one step down only', () => {
    expect(mayStandBelow('city', 'district')).toBe(true);
    expect(mayStandBelow('city', 'township')).toBe(false);
    expect(mayStandBelow('district', 'city')).toBe(false);
    expect(mayStandBelow('district', 'district')).toBe(false);
  });
});

describe('a new conference below', () => {
  const base = {
    jurisdiction: { code: '360102', name: '东湖区' },
    name: '东湖区打击传销联席会议',
    serialPrefix: '东打传交',
    admin: { username: 'dh-admin' },
    office: { username: 'dh-office' },
  };
  it('needs an office unit unless it takes the template', () => {
    expect(CreateSubConferenceInput.safeParse(base).success).toBe(false);
    expect(CreateSubConferenceInput.safeParse({ ...base, template: true }).success).toBe(true);
    expect(
      CreateSubConferenceInput.safeParse({
        ...base,
        officeUnit: { code: 'scjg', name: '东湖区市场监管局' },
      }).success,
    ).toBe(true);
  });
  it('refuses a malformed jurisdiction code and one user name twice', () => {
    expect(
      CreateSubConferenceInput.safeParse({
        ...base,
        template: true,
        jurisdiction: { code: '3601', name: '东湖区' },
      }).success,
    ).toBe(false);
    expect(
      CreateSubConferenceInput.safeParse({
        ...base,
        template: true,
        office: { username: 'DH-admin' },
      }).success,
    ).toBe(false);
  });
});
