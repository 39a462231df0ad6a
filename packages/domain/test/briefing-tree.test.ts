import { describe, expect, it } from 'vitest';
import { type Figures, treeFiguresText, zeroFigures } from '../src/index.js';

const f = (over: Partial<Figures>): Figures => ({ ...zeroFigures(), ...over });

describe('the figures of a briefing over the tree', () => {
  it('states the sum, then 市本级 and each district in order', () => {
    const text = treeFiguresText('全市', '2026-01-01', '2026-02-28', f({ operations: 12 }), {
      own: f({ operations: 2 }),
      below: [
        { name: '东湖区', figures: f({ operations: 10, peopleRescued: 3, peopleRepatriated: 4 }) },
        { name: '西湖区', figures: zeroFigures() },
      ],
    });
    const [sum, parts] = text.split('\n');
    expect(sum).toMatch(/^2026 年 1 月 1 日至2026 年 2 月 28 日，全市开展整治打击 12 次，/);
    expect(parts).toMatch(
      /^其中，市本级开展整治打击 2 次，.*；东湖区开展整治打击 10 次，捣毁传销窝点 0 个，解救遣返传销参与人员 7 名，.*；西湖区开展整治打击 0 次，.*。$/,
    );
  });

  it('leaves out 本级 when its own units reported nothing', () => {
    const text = treeFiguresText('全区', '2026-01-01', '2026-01-31', f({ operations: 1 }), {
      own: zeroFigures(),
      below: [{ name: '公园街道', figures: f({ operations: 1 }) }],
    });
    expect(text.split('\n')[1]).toMatch(/^其中，公园街道开展整治打击 1 次，/);
  });
});
