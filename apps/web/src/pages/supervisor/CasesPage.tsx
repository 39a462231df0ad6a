import type { SupervisionCase } from '@lianxi/domain';
import { Card, Empty, Table, Tabs, Tag } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { useCases, useUnitNames } from '../../api/queries';
import { QueryState } from '../../components/QueryState';
import { EscalationTag } from '../../components/tags';
import { formatTime } from '../../lib/format';

function CaseTable({ status }: { status: 'open' | 'closed' }) {
  const query = useCases(status);
  const unitName = useUnitNames();
  return (
    <QueryState {...query}>
      {(page) => (
        <div data-testid={`cases-${status}`}>
          <Table<SupervisionCase>
            rowKey="id"
            dataSource={page.items}
            scroll={{ x: 860 }}
            pagination={page.items.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
            locale={{
              emptyText: (
                <Empty description={status === 'open' ? '没有在办督办件' : '没有已办结督办件'} />
              ),
            }}
            columns={[
              {
                title: '等级',
                dataIndex: 'level',
                width: 110,
                render: (l: number) => <EscalationTag level={l} />,
              },
              { title: '编号', dataIndex: 'serial', width: 150 },
              {
                title: '事项',
                dataIndex: 'title',
                render: (t: string, c) => <Link to={`/supervision/cases/${c.id}`}>{t}</Link>,
              },
              { title: '责任单位', dataIndex: 'unitId', width: 160, render: unitName },
              { title: '立案时间', dataIndex: 'openedAt', width: 190, render: formatTime },
              {
                title: status === 'open' ? '状态' : '办结时间',
                key: 'state',
                width: 190,
                render: (_, c) =>
                  c.status === 'open' ? (
                    <Tag color="processing">督办中</Tag>
                  ) : (
                    formatTime(c.closedAt)
                  ),
              },
            ]}
          />
        </div>
      )}
    </QueryState>
  );
}

/** 督办件: what supervisors work on once an item reaches level 2. */
export default function CasesPage() {
  const [params, setParams] = useSearchParams();
  const active = params.get('status') === 'closed' ? 'closed' : 'open';
  return (
    <Card title="督办件">
      <Tabs
        activeKey={active}
        onChange={(k) => setParams({ status: k }, { replace: true })}
        items={[
          { key: 'open', label: '督办中', children: <CaseTable status="open" /> },
          { key: 'closed', label: '已办结', children: <CaseTable status="closed" /> },
        ]}
      />
    </Card>
  );
}
