import { DownloadOutlined, FormOutlined, ImportOutlined } from '@ant-design/icons';
import {
  FIGURE_LABELS,
  monthLabel,
  STAT_REPORT_LIST_STATUS_LABELS,
  type StatReport,
  StatReportListStatus,
} from '@lianxi/domain';
import { Button, Card, Flex, Segmented, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { downloadStats, useStatReportList } from '../../api/stat-reports';
import { useUnitNames, useUnits } from '../../api/units';
import { useFromList } from '../../components/Breadcrumbs';
import { useErrorNotice } from '../../components/feedback';
import { SearchableList } from '../../components/SearchableList';
import type { SearchField } from '../../components/SearchBar';
import { useUnitField } from '../../components/search-fields';
import { useUrlFilters } from '../../lib/url-filters';
import { DEFAULT_REPORT_SORT, reportColumns } from './report-columns';

type Filter = StatReportListStatus | 'all';
const FILTERS: { value: Filter; label: string }[] = [
  { value: 'submitted', label: STAT_REPORT_LIST_STATUS_LABELS.submitted },
  { value: 'approved', label: STAT_REPORT_LIST_STATUS_LABELS.approved },
  { value: 'draft', label: STAT_REPORT_LIST_STATUS_LABELS.draft },
  { value: 'returned', label: STAT_REPORT_LIST_STATUS_LABELS.returned },
  { value: 'all', label: '全部' },
];
const SEARCH = ['unitId', 'from', 'to'] as const;
const KEY_FIGURES = ['operations', 'densRaided', 'policeAlerts'] as const;

/** 报表审核: every unit's reports by month and status; approve, or return with a reason. */
export function ReviewReports() {
  // the status is the list's tab: 待审核 by default, and 重置 leaves it
  const [params, setParams] = useSearchParams();
  const rawStatus = params.get('status');
  const filter: Filter =
    rawStatus === 'all' || StatReportListStatus.safeParse(rawStatus).success
      ? (rawStatus as Filter)
      : 'submitted';
  const list = useUrlFilters(SEARCH);
  const sort = list.sort ?? DEFAULT_REPORT_SORT;
  const query = useStatReportList({
    ...list.apiQuery,
    sort,
    status: filter === 'all' ? undefined : filter,
  });
  const units = useUnits();
  const unitName = useUnitNames();
  const unitField = useUnitField('填报单位');
  const from = useFromList('报表审核');
  const notice = useErrorNotice();
  const [exporting, setExporting] = useState(false);
  const { from: fromMonth, to: toMonth } = list.filters;
  const oneMonth = fromMonth && fromMonth === toMonth ? fromMonth : undefined;
  const fields: SearchField[] = [
    unitField,
    {
      kind: 'dates',
      picker: 'month',
      from: 'from',
      to: 'to',
      placeholder: ['月份自', '月份至'],
    },
  ];

  const exportSheet = async () => {
    setExporting(true);
    try {
      const span = [fromMonth, toMonth].filter(Boolean).join('至');
      await downloadStats(fromMonth, toMonth, `统计数据${span ? `-${span}` : ''}.xlsx`);
    } catch (e) {
      notice(e);
    } finally {
      setExporting(false);
    }
  };

  return (
    <Card title="报表审核" data-testid="review-reports">
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Flex wrap gap={8} justify="space-between">
          <Segmented<Filter>
            value={filter}
            options={FILTERS}
            onChange={(v) =>
              setParams((prev) => {
                // the search stays; the pages start again under the other status
                const next = new URLSearchParams(prev);
                next.set('status', v);
                next.delete('page');
                return next;
              })
            }
            data-testid="report-filter"
          />
          <Space wrap>
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
        </Flex>
        <SearchableList
          list={list}
          fields={fields}
          query={query}
          testId="review-list"
          empty="没有符合条件的报表"
          scrollX={1040}
          toolbar={(page) =>
            oneMonth &&
            filter === 'all' &&
            !list.filters.unitId && (
              <Typography.Paragraph type="secondary" data-testid="review-coverage">
                {/* one report per unit and month: the count is the units that filed */}
                {monthLabel(oneMonth)}已有 {page.total ?? page.items.length} /{' '}
                {units.data?.length ?? '—'} 个单位填报。
              </Typography.Paragraph>
            )
          }
          columns={[
            {
              title: '单位',
              dataIndex: 'unitId',
              width: 170,
              ellipsis: true,
              render: (id: string) => unitName(id),
            },
            reportColumns.month(120, sort, from),
            reportColumns.status(),
            ...KEY_FIGURES.map((k) => ({
              title: FIGURE_LABELS[k],
              key: k,
              width: 90,
              render: (_: unknown, r: StatReport) => r.figures[k],
            })),
            reportColumns.submittedAt(sort),
            reportColumns.actions(170),
          ]}
        />
      </Space>
    </Card>
  );
}
