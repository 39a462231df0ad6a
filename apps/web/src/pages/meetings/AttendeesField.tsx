import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Attendee } from '@lianxi/domain';
import { Button, Col, Form, Input, Row, Select, Typography } from 'antd';
import { useUnits } from '../../api/units';
import { textRules } from '../../lib/forms';

export interface AttendeeValues {
  unitId?: string | null;
  name: string;
  title?: string;
}

/** 参会人员: each person with the unit attended for, or none (a leader, a guest). */
export function AttendeesField() {
  const units = useUnits();
  const options = (units.data ?? []).map((u) => ({ value: u.id, label: u.name }));
  return (
    <Form.List name="attendees">
      {(fields, { add, remove }) => (
        <div data-testid="attendees">
          <Typography.Text strong>参会人员</Typography.Text>
          <Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 12 }}>
            成员单位人员请选择所属单位；领导、列席人员可不选单位。
          </Typography.Text>
          {fields.map((field, i) => (
            <Row gutter={8} key={field.key} align="top" style={{ marginTop: 8 }}>
              <Col xs={24} sm={9}>
                <Form.Item name={[field.name, 'unitId']} style={{ marginBottom: 8 }}>
                  <Select
                    allowClear
                    showSearch={{ optionFilterProp: 'label' }}
                    loading={units.isPending}
                    placeholder="所属单位（领导、列席可不选）"
                    options={options}
                    aria-label={`第 ${i + 1} 位参会人员所属单位`}
                    data-testid={`attendee-unit-${i}`}
                  />
                </Form.Item>
              </Col>
              <Col xs={11} sm={6}>
                <Form.Item
                  name={[field.name, 'name']}
                  rules={textRules('姓名', Attendee.shape.name)}
                  style={{ marginBottom: 8 }}
                >
                  <Input
                    placeholder="姓名"
                    maxLength={50}
                    aria-label={`第 ${i + 1} 位参会人员姓名`}
                    data-testid={`attendee-name-${i}`}
                  />
                </Form.Item>
              </Col>
              <Col xs={11} sm={7}>
                <Form.Item
                  name={[field.name, 'title']}
                  rules={textRules('职务', Attendee.shape.title.unwrap(), false)}
                  style={{ marginBottom: 8 }}
                >
                  <Input
                    placeholder="职务（可选）"
                    maxLength={100}
                    aria-label={`第 ${i + 1} 位参会人员职务`}
                    data-testid={`attendee-title-${i}`}
                  />
                </Form.Item>
              </Col>
              <Col xs={2} sm={2}>
                <Button
                  type="text"
                  danger
                  icon={<MinusCircleOutlined />}
                  aria-label={`删除第 ${i + 1} 位参会人员`}
                  onClick={() => remove(field.name)}
                />
              </Col>
            </Row>
          ))}
          <Button
            type="dashed"
            icon={<PlusOutlined />}
            onClick={() => add({ unitId: null, name: '' })}
            style={{ marginTop: 8, marginBottom: 16 }}
            block
            data-testid="attendee-add"
          >
            添加参会人员
          </Button>
        </div>
      )}
    </Form.List>
  );
}
