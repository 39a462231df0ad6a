import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  DeleteOutlined,
  EditOutlined,
  PlusOutlined,
} from '@ant-design/icons';
import type { RoutingRule } from '@lianxi/domain';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Empty,
  Popconfirm,
  Space,
  Switch,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { clueKeys } from '../../api/clues';
import {
  deleteRoutingRule,
  type RoutingRuleChange,
  type RuleKind,
  updateRoutingRule,
  useRoutingRules,
} from '../../api/routing-rules';
import { useUnitNames } from '../../api/units';
import { isOffice, useMe } from '../../auth';
import { HandoffKindTag } from '../../components/clue-tags';
import { useErrorNotice } from '../../components/feedback';
import { QueryState } from '../../components/QueryState';
import { describeConditions } from '../../lib/clues';
import { RuleModal } from './RuleModal';

/** 分流规则: new clues go to the first enabled rule that matches, top to bottom. */
export default function RoutingRulesPage() {
  const query = useRoutingRules();
  return <QueryState {...query}>{(rules) => <RulesTable rules={rules} />}</QueryState>;
}

function RulesTable({ rules }: { rules: RoutingRule[] }) {
  const me = useMe();
  const editable = isOffice(me.role);
  const unitName = useUnitNames();
  const client = useQueryClient();
  const { message } = App.useApp();
  const notice = useErrorNotice();
  const [editing, setEditing] = useState<RoutingRule | 'new' | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const refresh = () => client.invalidateQueries({ queryKey: clueKeys.routingRules });

  /** Runs one change; a stale version (409) or any failure shows and reloads the list. */
  const change = async (id: string, work: () => Promise<unknown>, done: string) => {
    setBusy(id);
    try {
      await work();
      message.success(done);
    } catch (e) {
      notice(e);
    } finally {
      // Stay busy until the list is reloaded: the next move must use the new versions.
      await refresh();
      setBusy(null);
    }
  };

  /**
   * Every change sends the whole rule: the API's partial update fills an absent `kind` and
   * `enabled` with their defaults, so a bare move would turn a referral into a routing.
   */
  const save = (r: RoutingRule, changes: Pick<RoutingRuleChange, 'enabled' | 'position'>) =>
    updateRoutingRule(r.id, {
      name: r.name,
      enabled: r.enabled,
      conditions: r.conditions,
      targetUnitId: r.targetUnitId,
      // a stored rule was made by the same schema, so its kind is one a rule may have
      kind: r.kind as RuleKind,
      position: r.position,
      ...changes,
      version: r.version,
    });

  /** Swaps the two rules' positions, so the order changes and nothing else. */
  const move = (i: number, by: -1 | 1) => {
    const a = rules[i];
    const b = rules[i + by];
    return change(
      a.id,
      async () => {
        if (a.position === b.position) {
          await save(a, { position: Math.max(0, b.position + by) });
          return;
        }
        await save(a, { position: b.position });
        await save(b, { position: a.position });
      },
      by < 0 ? `“${a.name}”已上移` : `“${a.name}”已下移`,
    );
  };

  const columns: ColumnsType<RoutingRule> = [
    {
      title: '顺序',
      key: 'order',
      width: 64,
      render: (_, __, i) => <Typography.Text strong>{i + 1}</Typography.Text>,
    },
    {
      title: '规则',
      key: 'rule',
      render: (_, r) => (
        <Space orientation="vertical" size={4}>
          <Typography.Text delete={!r.enabled} data-testid="rule-name">
            {r.name}
          </Typography.Text>
          <Space size={[4, 4]} wrap>
            {describeConditions(r.conditions).map((p) => (
              <Tag key={p}>{p}</Tag>
            ))}
            {describeConditions(r.conditions).length === 0 && (
              <Tag color="gold">无条件（兜底，匹配所有线索）</Tag>
            )}
          </Space>
        </Space>
      ),
    },
    {
      title: '移送至',
      key: 'target',
      width: 220,
      render: (_, r) => (
        <Space size={4} wrap>
          <span>{unitName(r.targetUnitId)}</span>
          <HandoffKindTag kind={r.kind} />
        </Space>
      ),
    },
    {
      title: '启用',
      dataIndex: 'enabled',
      width: 80,
      render: (_, r) => (
        <Switch
          checked={r.enabled}
          disabled={!editable}
          loading={busy === r.id}
          aria-label={`启用“${r.name}”`}
          data-testid="rule-enabled"
          onChange={(enabled) =>
            change(
              r.id,
              () => save(r, { enabled }),
              enabled ? `已启用“${r.name}”` : `已停用“${r.name}”`,
            )
          }
        />
      ),
    },
    ...(editable
      ? [
          {
            title: '操作',
            key: 'actions',
            width: 200,
            render: (_: unknown, r: RoutingRule, i: number) => (
              <Space size={0} wrap>
                <Tooltip title="上移">
                  <Button
                    type="text"
                    icon={<ArrowUpOutlined />}
                    aria-label={`上移“${r.name}”`}
                    disabled={i === 0 || busy !== null}
                    onClick={() => move(i, -1)}
                    data-testid="rule-up"
                  />
                </Tooltip>
                <Tooltip title="下移">
                  <Button
                    type="text"
                    icon={<ArrowDownOutlined />}
                    aria-label={`下移“${r.name}”`}
                    disabled={i === rules.length - 1 || busy !== null}
                    onClick={() => move(i, 1)}
                    data-testid="rule-down"
                  />
                </Tooltip>
                <Button
                  type="link"
                  icon={<EditOutlined />}
                  disabled={busy !== null}
                  onClick={() => setEditing(r)}
                  data-testid="rule-edit"
                >
                  编辑
                </Button>
                <Popconfirm
                  title={`删除规则“${r.name}”？`}
                  description="删除后新登记的线索不再按此规则分流。"
                  okText="删除"
                  okButtonProps={{ danger: true }}
                  cancelText="取消"
                  onConfirm={() => change(r.id, () => deleteRoutingRule(r.id), `已删除“${r.name}”`)}
                >
                  <Button
                    type="link"
                    danger
                    icon={<DeleteOutlined />}
                    disabled={busy !== null}
                    data-testid="rule-delete"
                  >
                    删除
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <Card
      title="分流规则"
      data-testid="routing-rules"
      extra={
        editable && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setEditing('new')}
            data-testid="rule-new"
          >
            新增规则
          </Button>
        )
      }
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title="新登记的线索从上到下逐条比对，由第一条命中的已启用规则自动移送；停用的规则跳过。"
        description="调整顺序即调整优先级：条件越具体的规则应排在越前面，无条件的兜底规则放在最后。"
      />
      <Table<RoutingRule>
        rowKey="id"
        columns={columns}
        dataSource={rules}
        pagination={false}
        scroll={{ x: 860 }}
        rowClassName={(r) => (r.enabled ? '' : 'lx-row-disabled')}
        locale={{
          emptyText: <Empty description="暂无分流规则，新登记的线索需打传办手动移送" />,
        }}
      />
      {editing && (
        <RuleModal
          key={editing === 'new' ? 'new' : editing.id}
          open
          rule={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onDone={refresh}
        />
      )}
    </Card>
  );
}
