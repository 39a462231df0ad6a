import { firstMatchingRule, type RoutableClue } from '@lianxi/domain';
import { describe, expect, it } from 'vitest';

const clue = (over: Partial<RoutableClue> = {}): RoutableClue => ({
  category: 'gathering',
  township: '红星街道',
  participants: 10,
  levels: 2,
  amountYuan: 50_000,
  subjectName: '某商贸公司',
  description: '组织人员听课',
  ...over,
});
const rule = (position: number, conditions: object, name = `r${position}`) => ({
  position,
  enabled: true,
  conditions,
  name,
});

describe('routing rules', () => {
  const rules = [
    rule(30, {}, 'fallback'),
    rule(10, { minParticipants: 30, minLevels: 3 }, 'criminal'),
    rule(20, { keywords: ['学校', '学生'] }, 'schools'),
    rule(15, { categories: ['online'], townships: ['青山镇'] }, 'online-qingshan'),
  ];

  it('picks the first matching rule by position', () => {
    expect(
      firstMatchingRule(rules, clue({ participants: 60, levels: 4, description: '涉及学生' }))
        ?.name,
    ).toBe('criminal');
    expect(firstMatchingRule(rules, clue({ description: '在学校周边拉人' }))?.name).toBe('schools');
    expect(firstMatchingRule(rules, clue())?.name).toBe('fallback');
  });

  it('needs every condition of a rule to hold', () => {
    expect(firstMatchingRule(rules, clue({ participants: 60, levels: 2 }))?.name).toBe('fallback');
    expect(firstMatchingRule(rules, clue({ category: 'online', township: '红星街道' }))?.name).toBe(
      'fallback',
    );
    expect(firstMatchingRule(rules, clue({ category: 'online', township: '青山镇' }))?.name).toBe(
      'online-qingshan',
    );
    expect(firstMatchingRule(rules, clue({ township: null, category: 'online' }))?.name).toBe(
      'fallback',
    );
  });

  it('skips disabled rules and may find none', () => {
    const off = rules.map((r) => ({
      ...r,
      enabled: r.name !== 'criminal' && r.name !== 'fallback',
    }));
    expect(firstMatchingRule(off, clue({ participants: 60, levels: 4 }))).toBeNull();
  });
});
