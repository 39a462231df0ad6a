import { CreateDutyInput, CreateUnitInput, DutyArea, type Unit, UnitCode } from '@lianxi/domain';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Card, Empty, Form, Input, Select, Skeleton, Table, Tag } from 'antd';
import { useState } from 'react';
import { keys } from '../../api/queries';
import { addDuty, createUnit, useUnit, useUnits } from '../../api/units';
import { isOffice, useMe } from '../../auth';
import { ActionModal } from '../../components/ActionModal';
import { QueryState } from '../../components/QueryState';
import { areaLabel, UNIT_KIND_LABELS, UNIT_ROLE_LABELS } from '../../lib/format';
import { textRules } from '../../lib/forms';

function Duties({ unitId }: { unitId: string }) {
  const { data, isPending } = useUnit(unitId);
  if (isPending) return <Skeleton active paragraph={{ rows: 2 }} />;
  if (!data?.duties.length)
    return <Empty description="未登记职责" image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return (
    <div data-testid={`duties-${data.code}`}>
      {data.duties.map((d) => (
        <div key={d.id} style={{ marginBottom: 4 }}>
          <Tag>{areaLabel(d.area)}</Tag>
          {d.text}
        </div>
      ))}
    </div>
  );
}

/** 成员单位 and their written duties; the office and admin maintain the roster. */
export default function UnitsPage() {
  const me = useMe();
  const editor = isOffice(me.role);
  const query = useUnits();
  const client = useQueryClient();
  const [creating, setCreating] = useState(false);
  const [dutyFor, setDutyFor] = useState<Unit | null>(null);
  const refresh = () => client.invalidateQueries({ queryKey: keys.units });

  return (
    <Card
      title="成员单位"
      extra={
        editor && (
          <Button type="primary" onClick={() => setCreating(true)} data-testid="unit-create">
            新增成员单位
          </Button>
        )
      }
    >
      <QueryState {...query}>
        {(units) => (
          <div data-testid="unit-list">
            <Table<Unit>
              rowKey="id"
              dataSource={units}
              pagination={false}
              scroll={{ x: 640 }}
              expandable={{ expandedRowRender: (u) => <Duties unitId={u.id} /> }}
              locale={{ emptyText: <Empty description="暂无成员单位" /> }}
              columns={[
                { title: '单位', dataIndex: 'name' },
                { title: '代码', dataIndex: 'code', width: 110 },
                {
                  title: '角色',
                  dataIndex: 'role',
                  width: 110,
                  render: (r: Unit['role']) => UNIT_ROLE_LABELS[r],
                },
                {
                  title: '类型',
                  dataIndex: 'kind',
                  width: 100,
                  render: (k: Unit['kind']) => UNIT_KIND_LABELS[k],
                },
                ...(editor
                  ? [
                      {
                        title: '操作',
                        key: 'op',
                        width: 110,
                        render: (_: unknown, u: Unit) => (
                          <Button type="link" size="small" onClick={() => setDutyFor(u)}>
                            新增职责
                          </Button>
                        ),
                      },
                    ]
                  : []),
              ]}
            />
          </div>
        )}
      </QueryState>

      <ActionModal<{
        code: string;
        name: string;
        shortName?: string;
        role: Unit['role'];
        kind: Unit['kind'];
      }>
        open={creating}
        title="新增成员单位"
        okText="确认新增"
        formName="unit-form"
        initialValues={{ role: 'member', kind: 'department' }}
        onClose={() => setCreating(false)}
        submit={(v) =>
          createUnit({
            ...v,
            code: v.code.trim(),
            shortName: v.shortName?.trim() || undefined,
          })
        }
        success="成员单位已新增"
        onDone={refresh}
      >
        <Form.Item
          label="单位代码"
          name="code"
          extra="小写字母开头，可含数字和连字符，例如 zjz-town"
          rules={[
            ...textRules('单位代码', UnitCode),
            {
              pattern: /^\s*[a-z][a-z0-9-]*\s*$/,
              message: '只能包含小写字母、数字和连字符，且以字母开头',
            },
          ]}
        >
          <Input maxLength={32} />
        </Form.Item>
        <Form.Item
          label="单位名称"
          name="name"
          rules={textRules('单位名称', CreateUnitInput.shape.name)}
        >
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item
          label="简称（可选）"
          name="shortName"
          rules={textRules('简称', CreateUnitInput.shape.shortName.unwrap(), false)}
        >
          <Input maxLength={16} />
        </Form.Item>
        <Form.Item label="角色" name="role">
          <Select
            options={Object.entries(UNIT_ROLE_LABELS).map(([value, label]) => ({ value, label }))}
          />
        </Form.Item>
        <Form.Item label="类型" name="kind">
          <Select
            options={Object.entries(UNIT_KIND_LABELS).map(([value, label]) => ({ value, label }))}
          />
        </Form.Item>
      </ActionModal>

      <ActionModal<{ area: DutyArea; text: string }>
        open={dutyFor !== null}
        title={`新增职责：${dutyFor?.name ?? ''}`}
        okText="确认新增"
        formName="duty-form"
        onClose={() => setDutyFor(null)}
        submit={(v) => addDuty(dutyFor!.id, v)}
        success="职责已新增"
        onDone={refresh}
      >
        <Form.Item label="领域" name="area" rules={[{ required: true, message: '请选择领域' }]}>
          <Select options={DutyArea.options.map((a) => ({ value: a, label: areaLabel(a) }))} />
        </Form.Item>
        <Form.Item
          label="职责内容"
          name="text"
          rules={textRules('职责内容', CreateDutyInput.shape.text)}
        >
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </ActionModal>
    </Card>
  );
}
