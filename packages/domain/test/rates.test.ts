import { describe, expect, it } from 'vitest';
import {
  monthOnMonth,
  percentText,
  RatesQuery,
  ratesOf,
  ratio,
  sumCounts,
  TrendsQuery,
  zeroCounts,
} from '../src/index.js';

describe('rates', () => {
  it('is no rate when there is nothing to answer for, not 0 % nor 100 %', () => {
    expect(ratio(0, 0)).toEqual({ numerator: 0, denominator: 0, rate: null });
    expect(ratio(2, 3).rate).toBeCloseTo(0.6667, 4);
    expect(percentText(ratio(0, 0))).toBe('—');
    expect(percentText(ratio(2, 3))).toBe('66.7%');
    expect(percentText(ratio(3, 3))).toBe('100.0%');
  });

  it('reads each rate off its own counts', () => {
    const rates = ratesOf({
      signDue: 4,
      signedOnTime: 3,
      doneDue: 2,
      doneOnTime: 1,
      all: 5,
      overdue: 2,
    });
    expect(rates.signOnTime).toEqual({ numerator: 3, denominator: 4, rate: 0.75 });
    expect(rates.doneOnTime).toEqual({ numerator: 1, denominator: 2, rate: 0.5 });
    expect(rates.overdue).toEqual({ numerator: 2, denominator: 5, rate: 0.4 });
  });

  it("sums units' counts rather than averaging their rates", () => {
    const small = { ...zeroCounts(), signDue: 1, signedOnTime: 1 };
    const large = { ...zeroCounts(), signDue: 9, signedOnTime: 0 };
    const total = ratesOf(sumCounts([small, large]));
    // the average of 100 % and 0 % would be 50 %
    expect(total.signOnTime.rate).toBe(0.1);
    expect(sumCounts([])).toEqual(zeroCounts());
  });

  it('gives month-on-month change and its share of the month before', () => {
    expect(monthOnMonth(5, null)).toEqual({ change: null, rate: null });
    expect(monthOnMonth(3, 4)).toEqual({ change: -1, rate: -0.25 });
    expect(monthOnMonth(2, 0)).toEqual({ change: 2, rate: null });
    expect(monthOnMonth(0, 0)).toEqual({ change: 0, rate: null });
  });
});

describe('periods', () => {
  it('takes days for rates and months for trends, in order and not too long', () => {
    expect(RatesQuery.safeParse({ from: '2026-03-01', to: '2026-03-31' }).success).toBe(true);
    expect(RatesQuery.safeParse({ from: '2026-03-31', to: '2026-03-01' }).success).toBe(false);
    expect(RatesQuery.safeParse({ from: '2026-02-30', to: '2026-03-01' }).success).toBe(false);
    expect(TrendsQuery.safeParse({ from: '2026-01', to: '2026-03' }).success).toBe(true);
    expect(TrendsQuery.safeParse({ from: '2021-04', to: '2026-03' }).success).toBe(true);
    expect(TrendsQuery.safeParse({ from: '2021-03', to: '2026-03' }).success).toBe(false);
    expect(TrendsQuery.safeParse({ from: '2026-04', to: '2026-03' }).success).toBe(false);
    expect(TrendsQuery.safeParse({ from: '2026-3', to: '2026-04' }).success).toBe(false);
  });
});
