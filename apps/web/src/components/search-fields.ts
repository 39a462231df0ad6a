import { useMemo } from 'react';
import { useUnits } from '../api/units';
import { levelColour } from '@lianxi/domain';
import type { SearchField } from './SearchBar';
import { COLOUR_LABELS, COLOUR_NAMES } from './tags';

/** The escalation levels by their colour, as the overdue board names them. */
export const LEVEL_OPTIONS = [
  { value: '0', label: '未逾期' },
  ...([1, 2, 3] as const).map((level) => {
    const colour = levelColour(level)!;
    return { value: String(level), label: `${COLOUR_NAMES[colour]} · ${COLOUR_LABELS[colour]}` };
  }),
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
