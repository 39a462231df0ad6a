import { DownloadOutlined } from '@ant-design/icons';
import { alertSentence, FIGURE_KEYS, type Summary, type SummaryRow } from '@lianxi/domain';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Col,
  DatePicker,
  Row,
  Segmented,
  Space,
  Statistic,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useConferenceTree } from '../../api/conferences';
import { useSummary } from '../../api/dashboards';
import { useErrorNotice } from '../../components/feedback';
import { QueryState } from '../../components/QueryState';
import { HEADLINE_FIGURES, reportingMonth, shiftMonth } from '../../lib/figures';
import { MonthChart } from './MonthChart';
import { SummaryTable } from './SummaryTable';
import { downloadStats } from '../../api/stat-reports';

type GroupBy = Summary['groupBy'];
const GROUPS: { value: GroupBy; label: string }[] = [
  { value: 'month', label: '按月' },
  { value: 'unit', label: '按单位' },
  { value: 'kind', label: '按单位类别' },
];
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

function Headline({ summary }: { summary: Summary }) {
  return (
    <Row gutter={[12, 12]} data-testid="summary-cards">
      {HEADLINE_FIGURES.map((f) => (
        <Col xs={12} sm={8} lg={6} xl={3} key={f.key}>
          <Card size="small" style={{ height: '100%' }}>
            <Statistic
              title={f.label}
              value={f.value(summary.totals)}
              styles={f.key === 'policeAlerts' ? { content: { color: '#cf1322' } } : undefined}
              data-testid={`summary-${f.key}`}
            />
          </Card>
        </Col>
      ))}
    </Row>
  );
}

/** The trend sentence the briefings use, or why there is none. */
function Trend({ summary, area }: { summary: Summary; area: string }) {
  const empty = FIGURE_KEYS.every((k) => summary.totals[k] === 0);
  return (
    <Alert
      type={empty ? 'warning' : 'info'}
      showIcon
      data-testid="alert-trend"
      title={empty ? '所选期间尚无已审核的统计数据。' : alertSentence(area, summary.alertTrend)}
    />
  );
}

/** 全区 for a district, 全市 for a city, 全县 for a county, as the briefings say it. */
function areaOf(jurisdictionName = ''): string {
  const last = jurisdictionName.slice(-1);
  return ['区', '市', '县', '旗', '州'].includes(last) ? `全${last}` : '全区';
}

/**
 * 按下级联席会议: the caller's own units (本级), then each conference right below it with
 * everything below that; each approved report is in one row, so the rows add up to 合计.
 */
function byConference(summary: Summary): Summary {
  const [own, ...below] = summary.conferences ?? [];
  const rows: SummaryRow[] = [
    ...(own ? [{ key: own.conferenceId, label: '本级', figures: own.figures, change: null }] : []),
    ...below
      .filter((c) => c.depth === 1)
      .map((c) => ({
        key: c.conferenceId,
        label: c.jurisdiction.name,
        figures: c.treeFigures,
        change: null,
      })),
  ];
  return { ...summary, rows };
}

/**
 * 统计汇总: approved figures of a period, by month, unit or kind of unit; where conferences
 * are below the caller's, 含下级联席会议 sums them too and shows each district's figures.
 */
export default function SummaryPage() {
  const [params, setParams] = useSearchParams();
  const last = reportingMonth();
  const from = MONTH.test(params.get('from') ?? '') ? params.get('from')! : shiftMonth(last, -11);
  const to = MONTH.test(params.get('to') ?? '') ? params.get('to')! : last;
  const raw = params.get('groupBy');
  const groupBy: GroupBy = raw === 'unit' || raw === 'kind' ? raw : 'month';
  const tree = useConferenceTree();
  const hasBelow = (tree.data?.items.length ?? 0) > 0;
  const scope = hasBelow && params.get('scope') === 'tree' ? 'tree' : 'own';
  const table = useSummary(from, to, groupBy, true, scope);
  const months = useSummary(from, to, 'month', true, scope);
  const notice = useErrorNotice();
  const [exporting, setExporting] = useState(false);
  const set = (changes: Record<string, string>) => {
    const next: Record<string, string> = { from, to, groupBy, scope, ...changes };
    if (next.scope !== 'tree') delete next.scope;
    setParams(next, { replace: true });
  };

  const exportSheet = async () => {
    setExporting(true);
    try {
      await downloadStats(from, to, `统计数据-${from}至${to}.xlsx`);
    } catch (e) {
      notice(e);
    } finally {
      setExporting(false);
    }
  };

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="stats-summary">
      <Card size="small">
        <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
          <Space wrap>
            <Typography.Title level={4} style={{ margin: 0 }}>
              统计汇总
            </Typography.Title>
            <DatePicker.RangePicker
              picker="month"
              format="YYYY-MM"
              allowClear={false}
              value={[dayjs(from), dayjs(to)]}
              onChange={(v) =>
                v?.[0] && v[1] && set({ from: v[0].format('YYYY-MM'), to: v[1].format('YYYY-MM') })
              }
              data-testid="summary-range"
            />
            <Segmented<GroupBy>
              value={groupBy}
              options={GROUPS}
              onChange={(v) => set({ groupBy: v })}
              data-testid="summary-group"
            />
            {hasBelow && (
              <Checkbox
                checked={scope === 'tree'}
                onChange={(e) => set({ scope: e.target.checked ? 'tree' : 'own' })}
                data-testid="summary-tree"
              >
                含下级联席会议
              </Checkbox>
            )}
          </Space>
          <Button
            icon={<DownloadOutlined />}
            loading={exporting}
            onClick={() => void exportSheet()}
            data-testid="summary-export"
          >
            导出 Excel
          </Button>
        </Space>
      </Card>
      <QueryState {...months}>
        {(summary) => (
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Headline summary={summary} />
            <Trend summary={summary} area={areaOf(tree.data?.root.jurisdiction.name)} />
            {summary.conferences && (
              <Card title="按下级联席会议（各下级含其以下各级）" size="small">
                <SummaryTable
                  summary={byConference(summary)}
                  title="联席会议"
                  testId="summary-conferences"
                />
              </Card>
            )}
            <Card title="传销警情与整治行动（按月）" size="small">
              <MonthChart
                testId="chart-months"
                points={summary.rows.map((r) => ({
                  month: r.key,
                  values: {
                    policeAlerts: r.figures.policeAlerts,
                    operations: r.figures.operations,
                  },
                }))}
                series={[
                  { key: 'policeAlerts', label: '传销警情（件）', color: '#cf1322' },
                  { key: 'operations', label: '整治打击行动（次）', color: '#1677ff' },
                ]}
              />
            </Card>
          </Space>
        )}
      </QueryState>
      <Card
        title={`明细（${GROUPS.find((g) => g.value === groupBy)!.label}${groupBy === 'month' ? '，含环比' : ''}）`}
        size="small"
      >
        <QueryState {...table}>{(summary) => <SummaryTable summary={summary} />}</QueryState>
      </Card>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        仅汇总打传办已审核的报表；待审核和草稿不计入。
      </Typography.Text>
    </Space>
  );
}
