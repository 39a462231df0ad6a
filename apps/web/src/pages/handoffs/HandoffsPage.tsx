import { HANDOFF_KIND_LABELS, HANDOFF_STATUS_LABELS } from '@lianxi/domain';
import { Badge, Card, Space, Tabs, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { useHandoffBox, useHandoffList } from '../../api/handoffs';
import { isOffice, useMe } from '../../auth';
import { QueryState } from '../../components/QueryState';
import { SearchBar, type SearchField } from '../../components/SearchBar';
import { LEVEL_OPTIONS, options, useUnitField } from '../../components/search-fields';
import { useUrlFilters } from '../../lib/url-filters';
import { HandoffTable } from './HandoffTable';

type Box = 'in' | 'out';

const FILTERS = ['q', 'unitId', 'status', 'kind', 'level', 'from', 'to'] as const;

function BoxBody({ box, empty }: { box: Box; empty: string }) {
  const list = useUrlFilters(FILTERS);
  const query = useHandoffList(box, list.apiQuery);
  const unitField = useUnitField(box === 'in' ? '移送方' : '接收单位');
  const fields: SearchField[] = [
    { kind: 'text', name: 'q', placeholder: '线索编号 / 主体', width: 180 },
    unitField,
    {
      kind: 'select',
      name: 'status',
      placeholder: '状态',
      options: options(HANDOFF_STATUS_LABELS),
      width: 120,
    },
    { kind: 'select', name: 'kind', placeholder: '方式', options: options(HANDOFF_KIND_LABELS) },
    { kind: 'select', name: 'level', placeholder: '督办等级', options: LEVEL_OPTIONS, width: 160 },
    { kind: 'dates', from: 'from', to: 'to', placeholder: ['移送自', '移送至'] },
  ];
  return (
    <>
      <SearchBar
        fields={fields}
        values={list.filters}
        onSearch={list.setFilters}
        onReset={list.reset}
      />
      <QueryState {...query}>
        {(page) => (
          <HandoffTable
            handoffs={page.items}
            empty={empty}
            testId={`handoffs-${box}`}
            paging={{
              page: list.page,
              pageSize: list.pageSize,
              total: page.total ?? page.items.length,
              onChange: list.setPage,
              sort: list.sort,
              onSort: list.setSort,
            }}
          />
        )}
      </QueryState>
    </>
  );
}

/** How many in the box still wait on the caller: to be received or answered. */
function BoxLabel({ box, label }: { box: Box; label: string }) {
  const { data } = useHandoffBox(box);
  const waiting = data?.pages.flatMap((p) => p.items).filter((h) => h.actions.length > 0).length;
  return (
    <Space size={6}>
      {label}
      {waiting !== undefined && waiting > 0 && <Badge count={waiting} color="#b71c1c" />}
    </Space>
  );
}

/**
 * 移送件: what was handed to the caller and what it handed on. For the office, the in-box
 * holds the answers to what the office sent.
 */
export default function HandoffsPage() {
  const me = useMe();
  const office = isOffice(me.role);
  const [params, setParams] = useSearchParams();
  const active: Box = params.get('box') === 'out' ? 'out' : 'in';
  const tabs: { key: Box; label: string; empty: string }[] = [
    {
      key: 'in',
      label: '收件箱',
      empty: office ? '暂无成员单位的反馈' : '没有移送给本单位的线索',
    },
    { key: 'out', label: '发件箱', empty: office ? '打传办尚未移送线索' : '本单位尚未移送线索' },
  ];
  return (
    <Card title="移送件" data-testid="handoff-boxes">
      <Typography.Paragraph type="secondary">
        {office
          ? '收件箱为成员单位对打传办移送线索的接收和反馈；发件箱为打传办（含按规则自动分流）移送的线索。'
          : '收件箱为移送给本单位的线索，请及时接收并在期限内反馈；发件箱为本单位移送出的线索。'}
      </Typography.Paragraph>
      <Tabs
        activeKey={active}
        onChange={(key) =>
          // the other box has other counterparts and rows: its search starts afresh
          setParams({ box: key })
        }
        items={tabs.map((t) => ({
          key: t.key,
          label: <BoxLabel box={t.key} label={t.label} />,
          children: <BoxBody box={t.key} empty={t.empty} />,
        }))}
      />
    </Card>
  );
}
