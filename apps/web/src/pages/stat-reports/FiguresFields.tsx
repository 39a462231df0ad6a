import { FIGURES, type Figures } from '@lianxi/domain';
import { Col, Descriptions, Form, InputNumber, Row } from 'antd';

/** The 17 monthly figures in the order of the form and the spreadsheet; blank is not 0. */
export function FiguresFields() {
  return (
    <Row gutter={[16, 0]} data-testid="figures-fields">
      {FIGURES.map(([key, label]) => (
        <Col xs={12} lg={8} key={key}>
          <Form.Item
            label={label}
            name={['figures', key]}
            rules={[
              { required: true, message: '请填写（没有请填 0）' },
              { type: 'integer', message: '应为整数' },
              { type: 'number', min: 0, message: '不能小于 0' },
              { type: 'number', max: 100_000_000, message: '不能超过 1 亿，请核对' },
            ]}
          >
            {/* no min/max/precision on the box: antd would quietly clamp or round what was typed */}
            <InputNumber style={{ width: '100%' }} data-testid={`figure-${key}`} />
          </Form.Item>
        </Col>
      ))}
    </Row>
  );
}

/** The figures read-only, in the same order. */
export function FiguresView({ figures }: { figures: Figures }) {
  return (
    <Descriptions
      size="small"
      bordered
      column={{ xs: 1, sm: 2, lg: 3 }}
      data-testid="figures-view"
      items={FIGURES.map(([key, label]) => ({
        key,
        label,
        children: <span data-figure={key}>{figures[key].toLocaleString('zh-CN')}</span>,
      }))}
    />
  );
}
