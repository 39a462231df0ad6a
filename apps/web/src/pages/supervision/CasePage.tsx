import { CloseCaseInput, OpinionInput, type SupervisionCaseDetail } from '@lianxi/domain';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Form,
  Input,
  Row,
  Space,
  Tag,
  Timeline,
} from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useReadNoticesAbout } from '../../api/notifications';
import { addCaseOpinion, closeCase, useCase } from '../../api/supervision';
import { keys } from '../../api/queries';
import { useUnitNames } from '../../api/units';
import { useMe } from '../../auth';
import { ReasonedActionModal } from '../../components/ReasonedActionModal';
import { useErrorNotice } from '../../components/feedback';
import { Breadcrumbs } from '../../components/Breadcrumbs';
import { QueryState } from '../../components/QueryState';
import { EscalationTag } from '../../components/tags';
import { formatTime } from '../../lib/format';
import { applyProblemToForm, textRules } from '../../lib/forms';

export default function CasePage() {
  const { id } = useParams();
  const query = useCase(id);
  useReadNoticesAbout('supervision_case', query.data?.id);
  return (
    <QueryState {...query} notFoundTitle="督办件不存在或无权访问">
      {(c) => <CaseView c={c} />}
    </QueryState>
  );
}

function CaseView({ c }: { c: SupervisionCaseDetail }) {
  const me = useMe();
  const unitName = useUnitNames();
  const client = useQueryClient();
  const notice = useErrorNotice();
  const [form] = Form.useForm<{ text: string }>();
  const [busy, setBusy] = useState(false);
  const [closing, setClosing] = useState(false);
  const canAct = me.role === 'supervisor' && c.status === 'open';
  const refresh = () => client.invalidateQueries({ queryKey: keys.cases });

  const addOpinion = async (v: { text: string }) => {
    setBusy(true);
    try {
      await addCaseOpinion(c.id, v);
      form.resetFields();
      await refresh();
    } catch (e) {
      notice(e, applyProblemToForm(form, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Row gutter={[16, 16]} data-testid="case-detail">
      <Col span={24}>
        <Breadcrumbs list={{ title: '督办件', to: '/supervision/cases' }} current={c.serial} />
      </Col>
      <Col xs={24} lg={14}>
        <Card
          title={`督办件 ${c.serial}`}
          extra={
            <Space>
              <EscalationTag level={c.level} />
              <Tag color={c.status === 'open' ? 'processing' : 'success'}>
                {c.status === 'open' ? '督办中' : '已办结'}
              </Tag>
            </Space>
          }
        >
          <Descriptions
            size="small"
            column={1}
            items={[
              {
                key: 'task',
                label: c.handoffId ? '督办事项（移送件）' : '督办事项',
                children: (
                  <Link to={c.handoffId ? `/handoffs/${c.handoffId}` : `/tasks/${c.taskId}`}>
                    {c.title}
                  </Link>
                ),
              },
              { key: 'unit', label: '责任单位', children: unitName(c.unitId) },
              { key: 'opened', label: '立案时间', children: formatTime(c.openedAt) },
              ...(c.closedAt
                ? [
                    { key: 'closed', label: '办结时间', children: formatTime(c.closedAt) },
                    { key: 'conclusion', label: '督办结论', children: c.conclusion },
                    { key: 'acc', label: '责任追究', children: c.accountability ?? '无' },
                  ]
                : []),
            ]}
          />
          {canAct && (
            <Button
              danger
              style={{ marginTop: 12 }}
              onClick={() => setClosing(true)}
              data-testid="case-close"
            >
              办结督办件
            </Button>
          )}
        </Card>
      </Col>
      <Col xs={24} lg={10}>
        <Card title="督办意见" size="small">
          {c.opinions.length === 0 ? (
            <Empty description="暂无督办意见" image={Empty.PRESENTED_IMAGE_SIMPLE} />
          ) : (
            <Timeline
              items={c.opinions.map((o) => ({
                key: o.id,
                title: formatTime(o.at),
                content: <div className="lx-pre">{o.text}</div>,
              }))}
            />
          )}
          {canAct ? (
            <Form form={form} layout="vertical" name="opinion" onFinish={addOpinion}>
              <Form.Item
                label="新增意见"
                name="text"
                rules={textRules('督办意见', OpinionInput.shape.text)}
              >
                <Input.TextArea rows={3} maxLength={5000} />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={busy}>
                提交意见
              </Button>
            </Form>
          ) : (
            me.role !== 'supervisor' && (
              <Alert type="info" showIcon title="仅督查人员可填写督办意见。" />
            )
          )}
        </Card>
      </Col>
      <ReasonedActionModal<typeof CloseCaseInput.shape.conclusion, { accountability?: string }>
        open={closing}
        title="办结督办件"
        okText="确认办结"
        formName="close-case-form"
        name="conclusion"
        label="督办结论"
        schema={CloseCaseInput.shape.conclusion}
        maxLength={5000}
        onClose={() => setClosing(false)}
        onSubmit={(conclusion, v) =>
          closeCase(c.id, {
            conclusion,
            ...(v.accountability?.trim() ? { accountability: v.accountability.trim() } : {}),
          })
        }
        success="督办件已办结"
        onDone={refresh}
        after={
          <Form.Item
            label="责任追究（可选）"
            name="accountability"
            rules={textRules('责任追究', CloseCaseInput.shape.accountability.unwrap(), false)}
          >
            <Input.TextArea rows={3} maxLength={5000} />
          </Form.Item>
        }
      />
    </Row>
  );
}
