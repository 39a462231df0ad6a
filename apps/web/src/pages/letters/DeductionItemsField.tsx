import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { AGGRAVATION_FACTOR, DeductionItemInput } from '@lianxi/domain';
import { Button, Checkbox, Col, Form, Input, InputNumber, Row, Typography } from 'antd';
import { textRules } from '../../lib/forms';

export interface DeductionItemValues {
  name: string;
  pointsEach: number | null;
  aggravated: boolean;
}

/** 扣分项: what costs points when it happens; aggravated ones count double. */
export function DeductionItemsField() {
  return (
    <Form.List name="deductionItems">
      {(fields, { add, remove }) => (
        <div data-testid="deduction-items">
          <Typography.Title level={5}>扣分项</Typography.Title>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
            每发生一次扣相应分值；加重扣分项按 {AGGRAVATION_FACTOR} 倍扣分。总分不低于 0 分。
          </Typography.Paragraph>
          {fields.map((field, i) => (
            <Row gutter={8} key={field.key} align="top">
              <Col xs={24} sm={11}>
                <Form.Item
                  name={[field.name, 'name']}
                  rules={textRules('扣分项名称', DeductionItemInput.shape.name)}
                  style={{ marginBottom: 8 }}
                >
                  <Input
                    placeholder="扣分项名称"
                    maxLength={100}
                    aria-label={`扣分项 ${i + 1} 名称`}
                  />
                </Form.Item>
              </Col>
              <Col xs={10} sm={5}>
                <Form.Item
                  name={[field.name, 'pointsEach']}
                  rules={[
                    {
                      required: true,
                      type: 'number',
                      min: 0.5,
                      max: 100,
                      message: '0.5–100 分',
                    },
                  ]}
                  style={{ marginBottom: 8 }}
                >
                  <InputNumber
                    step={0.5}
                    suffix="分/次"
                    style={{ width: '100%' }}
                    aria-label={`扣分项 ${i + 1} 每次扣分`}
                  />
                </Form.Item>
              </Col>
              <Col xs={11} sm={6}>
                <Form.Item
                  name={[field.name, 'aggravated']}
                  valuePropName="checked"
                  style={{ marginBottom: 8, paddingTop: 5 }}
                >
                  <Checkbox>加重扣分</Checkbox>
                </Form.Item>
              </Col>
              <Col xs={3} sm={2}>
                <Button
                  type="text"
                  danger
                  icon={<MinusCircleOutlined />}
                  aria-label={`删除扣分项 ${i + 1}`}
                  onClick={() => remove(field.name)}
                />
              </Col>
            </Row>
          ))}
          <Button
            type="dashed"
            block
            icon={<PlusOutlined />}
            onClick={() => add({ name: '', pointsEach: 1, aggravated: false })}
            style={{ marginBottom: 16 }}
            data-testid="deduction-item-add"
          >
            添加扣分项
          </Button>
        </div>
      )}
    </Form.List>
  );
}
