import { useMemo } from 'react';
import { useUnits } from '../api/units';
import type { SearchField } from './SearchBar';

/** The escalation levels by their colour, as the overdue board names them. */
export const LEVEL_OPTIONS = [
  { value: '0', label: '未逾期' },
  { value: '1', label: '黄色 · 催办' },
  { value: '2', label: '橙色 · 督办' },
  { value: '3', label: '红色 · 挂牌督办' },
];

export const options = (labels: Record<string, string>) =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));

/** The conference's units as a search field (the office sees every unit). */
export function useUnitField(placeholder = '承办单位'): SearchField {
  const { data } = useUnits();
  return useMemo(
    () => ({
      kind: 'select',
      name: 'unitId',
      placeholder,
      width: 160,
      options: (data ?? []).map((u) => ({ value: u.id, label: u.name })),
    }),
    [data, placeholder],
  );
}
