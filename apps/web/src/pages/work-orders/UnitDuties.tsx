import type { UnitDetail } from '@lianxi/domain';
import { Card, Empty, Space, Tag, Typography } from 'antd';
import { ItemList } from '../../components/ItemList';
import { areaLabel } from '../../lib/format';

const AREA_COLOURS = {
  strike: 'red',
  prevent: 'blue',
  manage: 'purple',
  control: 'orange',
  educate: 'green',
};

/** The duties of the units being picked, so the office assigns by written remit. */
export function UnitDuties({
  units,
  roles,
}: {
  units: UnitDetail[];
  roles: Record<string, 'lead' | 'assist'>;
}) {
  return (
    <Card size="small" title="所选单位职责" data-testid="selected-duties">
      {units.length === 0 ? (
        <Empty description="选择单位后在此显示其职责" image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <ItemList
          items={units.map((u) => ({
            key: u.id,
            title: (
              <Space>
                <Tag color={roles[u.id] === 'lead' ? 'red' : 'default'}>
                  {roles[u.id] === 'lead' ? '主办' : '协办'}
                </Tag>
                {u.name}
              </Space>
            ),
            description:
              u.duties.length === 0 ? (
                <Typography.Text type="secondary">未登记职责</Typography.Text>
              ) : (
                u.duties.map((d) => (
                  <div key={d.id}>
                    <Tag color={AREA_COLOURS[d.area]}>{areaLabel(d.area)}</Tag>
                    {d.text}
                  </div>
                ))
              ),
          }))}
        />
      )}
    </Card>
  );
}

/** One option line: the unit's name, then its duty areas and first duty as a hint. */
export function UnitOption({ unit, fallback }: { unit?: UnitDetail; fallback: string }) {
  if (!unit) return <span>{fallback}</span>;
  const areas = [...new Set(unit.duties.map((d) => d.area))];
  return (
    <div style={{ lineHeight: 1.4, padding: '2px 0' }}>
      <Space size={4} wrap>
        <span>{unit.name}</span>
        {areas.map((a) => (
          <Tag key={a} color={AREA_COLOURS[a]} style={{ marginInlineEnd: 0 }}>
            {areaLabel(a)}
          </Tag>
        ))}
      </Space>
      {unit.duties[0] && (
        <Typography.Text type="secondary" ellipsis style={{ display: 'block', fontSize: 12 }}>
          {unit.duties.map((d) => d.text).join('；')}
        </Typography.Text>
      )}
    </div>
  );
}
