import { colourOf, LEVEL_LABELS, levelColour, raisedLevel, rolesToNotify } from '@lianxi/domain';
import { describe, expect, it } from 'vitest';

describe('the escalation ladder', () => {
  it('names the three levels as DESIGN §2 does', () => {
    expect(LEVEL_LABELS).toEqual({ 1: '催办', 2: '督办', 3: '挂牌督办' });
  });

  it('colours the board: yellow, orange, red by level, blue only when due soon and below 1', () => {
    expect(colourOf(0, false)).toBeNull();
    expect(colourOf(0, true)).toBe('blue');
    expect(colourOf(1, true)).toBe('yellow');
    expect(colourOf(2, true)).toBe('orange');
    expect(colourOf(3, false)).toBe('red');
    // a level set above 3 by hand still reads as the top of the ladder
    expect(colourOf(4, false)).toBe('red');
    expect([0, 1, 2, 3].map(levelColour)).toEqual([null, 'yellow', 'orange', 'red']);
  });

  it('reaches higher with each level', () => {
    expect(rolesToNotify(1)).toEqual(['office']);
    expect(rolesToNotify(2)).toEqual(['office', 'supervisor']);
    expect(rolesToNotify(3)).toEqual(['office', 'supervisor', 'leader']);
  });

  it('a missed sign-for counts as 催办 and a ladder step as its level, never lowering', () => {
    expect(raisedLevel(0, { kind: 'unsigned' })).toBe(1);
    expect(raisedLevel(2, { kind: 'unsigned' })).toBe(2);
    expect(raisedLevel(0, { kind: 'level', level: 2 })).toBe(2);
    expect(raisedLevel(1, { kind: 'level', level: 3 })).toBe(3);
    expect(raisedLevel(3, { kind: 'level', level: 1 })).toBe(3);
  });

  it('leaves the level alone for reminders that are not the ladder', () => {
    expect(raisedLevel(0, { kind: 'due_soon' })).toBe(0);
    expect(raisedLevel(2, { kind: 'office_overdue', level: 3 })).toBe(2);
    expect(raisedLevel(1, { kind: 'items_overdue' })).toBe(1);
  });
});
