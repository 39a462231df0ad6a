import { passwordProblems } from '@lianxi/domain';
import { describe, expect, it } from 'vitest';

describe('the password policy', () => {
  it('accepts the demo password shape', () => {
    expect(passwordProblems('Lianxi@2026', 'office')).toEqual([]);
  });
  it.each([
    ['short', 'Ab1!'],
    ['two classes only', 'abcdefgh1234'],
    ['contains the user name', 'Office@20261'],
  ])('refuses %s', (_why, password) => {
    expect(passwordProblems(password, 'office').length).toBeGreaterThan(0);
  });
});
