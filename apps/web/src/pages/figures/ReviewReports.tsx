import { DownloadOutlined, FormOutlined, ImportOutlined } from '@ant-design/icons';
import {
  FIGURE_LABELS,
  monthLabel,
  STAT_REPORT_STATUS_LABELS,
  type StatReport,
  StatReportStatus,
} from '@lianxi/domain';
import { Button, Card, DatePicker, Empty, Segmented, Select, Space, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { download } from '../../api/client';
import { useStatReports } from '../../api/figures';
import { useUnitNames, useUnits } from '../../api/queries';
import { useErrorNotice } from '../../components/feedback';
import { QueryState } from '../../components/QueryState';
import { reportColumns } from './report-columns';

type Filter = StatReportStatus | 'all';
const FILTERS: { value: Filter; label: string }[] = [
  { value: 'submitted', label: STAT_REPORT_STATUS_LABELS.submitted },
  { value: 'approved', label: STAT_REPORT_STATUS_LABELS.approved },
  { value: 'draft', label: STAT_REPORT_STATUS_LABELS.draft },
  { value: 'all', label: '全部' },
];
const KEY_FIGURES = ['operations', 'densRaided', 'policeAlerts'] as const;

/** 报表审核: every unit's reports by month and status; approve, or return with a reason. */
export function ReviewReports() {
  const [params, setParams] = useSearchParams();
  const rawStatus = params.get('status');
  const filter: Filter =
    rawStatus === 'all' || StatReportStatus.safeParse(rawStatus).success
      ? (rawStatus as Filter)
      : 'submitted';
  const month = params.get('month') ?? undefined;
  const unitId = params.get('unitId') ?? undefined;
  const set = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next, { replace: true });
  };
  const query = useStatReports({
    month,
    unitId,
    status: filter === 'all' ? undefined : filter,
  });
  const units = useUnits();
  const unitName = useUnitNames();
  const notice = useErrorNotice();
  const [exporting, setExporting] = useState(false);

  const exportSheet = async () => {
    setExporting(true);
    try {
      const range = month ? `?from=${month}&to=${month}` : '';
      await download(`/api/exports/stats.xlsx${range}`, `统计数据${month ? `-${month}` : ''}.xlsx`);
    } catch (e) {
      notice(e);
    } finally {
      setExporting(false);
    }
  };

  return (
    <Card title="报表审核" data-testid="review-reports">
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Space wrap>
          <Segmented<Filter>
            value={filter}
            options={FILTERS}
            onChange={(v) => set({ status: v })}
            data-testid="report-filter"
          />
          <DatePicker
            picker="month"
            format="YYYY-MM"
            placeholder="全部月份"
            value={month ? dayjs(month) : null}
            onChange={(d) => set({ month: d ? d.format('YYYY-MM') : undefined })}
            data-testid="review-month"
          />
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder="全部单位"
            style={{ width: 200 }}
            value={unitId}
            onChange={(v?: string) => set({ unitId: v })}
            options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
            data-testid="review-unit"
          />
          <Button
            icon={<DownloadOutlined />}
            loading={exporting}
            onClick={() => void exportSheet()}
          >
            导出
          </Button>
          <Link to="/stat-reports/import">
            <Button icon={<ImportOutlined />}>导入</Button>
          </Link>
          <Link to="/stat-reports/new">
            <Button type="primary" icon={<FormOutlined />}>
              代填
            </Button>
          </Link>
        </Space>
        <QueryState {...query}>
          {(reports) => (
            <>
              {month && filter === 'all' && !unitId && (
                <Typography.Text type="secondary" data-testid="review-coverage">
                  {monthLabel(month)}已有 {new Set(reports.map((r) => r.unitId)).size} /{' '}
                  {units.data?.length ?? '—'} 个单位填报。
                </Typography.Text>
              )}
              <Table<StatReport>
                rowKey="id"
                dataSource={reports}
                pagination={reports.length > 30 ? { pageSize: 30, showSizeChanger: false } : false}
                scroll={{ x: 1040 }}
                data-testid="review-list"
                locale={{ emptyText: <Empty description="没有符合条件的报表" /> }}
                columns={[
                  {
                    title: '单位',
                    dataIndex: 'unitId',
                    width: 180,
                    render: (id: string) => unitName(id),
                  },
                  reportColumns.month(120),
                  reportColumns.status(),
                  ...KEY_FIGURES.map((k) => ({
                    title: FIGURE_LABELS[k],
                    key: k,
                    width: 110,
                    render: (_: unknown, r: StatReport) => r.figures[k],
                  })),
                  reportColumns.submittedAt(),
                  reportColumns.actions(170),
                ]}
              />
            </>
          )}
        </QueryState>
      </Space>
    </Card>
  );
}
