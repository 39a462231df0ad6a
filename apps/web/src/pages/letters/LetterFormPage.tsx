import {
  CreateLetterInput,
  type IndicatorInput,
  type LetterDetail,
  yearProblem,
} from '@lianxi/domain';
import { Alert, App, Button, Card, Col, Form, Input, InputNumber, Row, Select, Space } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { createLetter, updateLetter, useInvalidateLetters, useLetter } from '../../api/letters';
import { useUnits } from '../../api/units';
import { useErrorNotice } from '../../components/feedback';
import { QueryState } from '../../components/QueryState';
import { currentMonth } from '../../lib/figures';
import { applyProblemToForm, textRules } from '../../lib/forms';
import { DEFAULT_DEDUCTIONS, DEFAULT_INDICATORS } from '../../lib/letters';
import { DeductionItemsField, type DeductionItemValues } from './DeductionItemsField';
import { IndicatorsField, type IndicatorValues } from './IndicatorsField';

interface Values {
  year: number;
  unitId?: string;
  title: string;
  indicators: IndicatorValues[];
  deductionItems: DeductionItemValues[];
}

const optional = (s: string | undefined | null) => (s && s.trim() ? s.trim() : undefined);

function toIndicator(i: IndicatorValues): IndicatorInput {
  const points = Number(i.points);
  if (i.kind === 'manual') {
    const description = optional(i.description);
    return { kind: 'manual', name: i.name.trim(), points, ...(description ? { description } : {}) };
  }
  return {
    kind: 'measured',
    name: i.name.trim(),
    points,
    metric: i.metric!,
    ...(i.metric === 'overdue_by_level' && i.perLevel ? { perLevel: i.perLevel } : {}),
  };
}

const toContent = (v: Values) => ({
  title: v.title.trim(),
  indicators: (v.indicators ?? []).map(toIndicator),
  deductionItems: (v.deductionItems ?? []).map((d) => ({
    name: d.name.trim(),
    pointsEach: Number(d.pointsEach),
    aggravated: !!d.aggravated,
  })),
});

function initialOf(letter: LetterDetail | null, year: number, unitId?: string): Partial<Values> {
  if (!letter) {
    return {
      year,
      unitId,
      title: `${year} 年度打击传销工作目标管理责任书`,
      indicators: DEFAULT_INDICATORS.map((i) => ({ ...i }) as IndicatorValues),
      deductionItems: DEFAULT_DEDUCTIONS.map((d) => ({ ...d })),
    };
  }
  return {
    year: letter.year,
    unitId: letter.unitId,
    title: letter.title,
    indicators: letter.indicators.map((i) => ({
      kind: i.kind,
      name: i.name,
      points: i.points,
      metric: i.metric ?? undefined,
      perLevel: i.perLevel ?? undefined,
      description: i.description ?? undefined,
    })),
    deductionItems: letter.deductionItems.map((d) => ({
      name: d.name,
      pointsEach: d.pointsEach,
      aggravated: d.aggravated,
    })),
  };
}

function LetterForm({ letter }: { letter: LetterDetail | null }) {
  const [params] = useSearchParams();
  const year = Number(params.get('year')) || Number(currentMonth().slice(0, 4));
  const [form] = Form.useForm<Values>();
  const units = useUnits();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const notice = useErrorNotice();
  const invalidate = useInvalidateLetters();
  const [busy, setBusy] = useState(false);

  const onFinish = async (v: Values) => {
    setBusy(true);
    try {
      const saved = letter
        ? await updateLetter(letter.id, {
            ...toContent(v),
            version: letter.version,
          })
        : // the unit field is required, so the form has one by the time it submits
          await createLetter({ year: v.year, unitId: v.unitId!, ...toContent(v) });
      await invalidate();
      message.success(letter ? '责任书草稿已保存' : '责任书草稿已创建');
      navigate(`/letters/${saved.id}`);
    } catch (e) {
      notice(e, applyProblemToForm(form, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={letter ? '修改责任书草稿' : '起草责任书'} data-testid="letter-form">
      {letter && letter.status !== 'draft' && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title="责任书已下达，不能再修改。"
        />
      )}
      <Form<Values>
        form={form}
        name="letter-form"
        layout="vertical"
        initialValues={initialOf(letter, year, params.get('unitId') ?? undefined)}
        onFinish={onFinish}
        onValuesChange={(changed: Partial<Values>) => {
          // The sum rule sits on the list: look again once it has complained and points move.
          if ('indicators' in changed && form.getFieldError(['indicators']).length)
            void form.validateFields([['indicators']]).catch(() => {});
        }}
      >
        <Row gutter={16}>
          <Col xs={8} md={4}>
            <Form.Item
              label="年度"
              name="year"
              rules={[
                { required: true, message: '请填写年度' },
                {
                  // no min/max/precision on the box: antd would turn a typed "90" into 2000
                  validator: async (_, value: unknown) => {
                    if (typeof value !== 'number') return;
                    const problem = yearProblem(value, new Date());
                    if (problem) throw new Error(problem);
                  },
                },
              ]}
            >
              <InputNumber disabled={!!letter} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={16} md={8}>
            <Form.Item
              label="责任单位"
              name="unitId"
              rules={[{ required: true, message: '请选择责任单位' }]}
            >
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                loading={units.isPending}
                disabled={!!letter}
                placeholder="选择责任单位"
                options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
                data-testid="letter-unit"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              label="责任书名称"
              name="title"
              rules={textRules('责任书名称', CreateLetterInput.shape.title)}
            >
              <Input maxLength={200} data-testid="letter-title" />
            </Form.Item>
          </Col>
        </Row>
        <IndicatorsField />
        <DeductionItemsField />
        <Space wrap>
          <Button
            type="primary"
            htmlType="submit"
            loading={busy}
            disabled={!!letter && letter.status !== 'draft'}
            data-testid="letter-submit"
          >
            保存草稿
          </Button>
          <Link to={letter ? `/letters/${letter.id}` : '/letters'}>
            <Button>取消</Button>
          </Link>
        </Space>
      </Form>
    </Card>
  );
}

/** 起草责任书 (/letters/new) and 修改草稿 (/letters/:id/edit). */
export default function LetterFormPage() {
  const { id } = useParams();
  const query = useLetter(id);
  if (!id) return <LetterForm letter={null} />;
  return (
    <QueryState {...query} notFoundTitle="责任书不存在或无权访问">
      {(letter) => <LetterForm letter={letter} />}
    </QueryState>
  );
}
