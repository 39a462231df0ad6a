import { LETTER_STATUS_LABELS, type LetterStatus, type RankingRow } from '@lianxi/domain';
import { Alert, Select, Space, Tag } from 'antd';
import { useSearchParams } from 'react-router';
import { useRanking } from '../../api/letters';
import { currentMonth } from '../../lib/figures';
import { formatPoints, LETTER_STATUS_COLOURS } from '../../lib/letters';

/** The year in `?year=`, else this year; with the years a picker offers. */
export function useYearParam() {
  const [params, setParams] = useSearchParams();
  const thisYear = Number(currentMonth().slice(0, 4));
  const year = Number(params.get('year')) || thisYear;
  const years = Array.from({ length: 6 }, (_, i) => thisYear + 1 - i);
  if (!years.includes(year)) years.push(year);
  const setYear = (y: number) => setParams({ year: String(y) }, { replace: true });
  return { year, years, setYear };
}

export function YearSelect({
  year,
  years,
  onChange,
}: {
  year: number;
  years: number[];
  onChange: (y: number) => void;
}) {
  return (
    <Select
      value={year}
      style={{ width: 110 }}
      onChange={onChange}
      options={years.map((y) => ({ value: y, label: `${y} 年度` }))}
      aria-label="年度"
      data-testid="year-select"
    />
  );
}

export function LetterStatusTag({ status }: { status: LetterStatus }) {
  return (
    <Tag color={LETTER_STATUS_COLOURS[status]} data-testid="letter-status" data-status={status}>
      {LETTER_STATUS_LABELS[status]}
    </Tag>
  );
}

export const standing = (r: RankingRow) => `第 ${r.rank} 名 / 共 ${r.outOf} 个单位`;

/** A unit's own place: the API gives it its own row only. */
export function OwnStanding({ year }: { year: number }) {
  const query = useRanking(year);
  const row = query.data?.[0];
  if (!row) return null;
  return (
    <Alert
      type={row.final ? 'success' : 'info'}
      showIcon
      data-testid="own-standing"
      title={
        <Space wrap>
          <span>
            {year} 年度考核：{standing(row)}
          </span>
          <span>得分 {formatPoints(row.total)}</span>
          <Tag color={row.final ? 'success' : 'processing'}>
            {row.final ? '已定稿' : '实时计算'}
          </Tag>
        </Space>
      }
    />
  );
}
