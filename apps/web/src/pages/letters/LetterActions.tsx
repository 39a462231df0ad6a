import { EditOutlined, SendOutlined, SignatureOutlined } from '@ant-design/icons';
import { DeductionEntryInput, type LetterDetail, ManualScoresInput } from '@lianxi/domain';
import { App, Button, Form, Input, InputNumber, Popconfirm, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import {
  deductFromLetter,
  issueLetter,
  scoreLetter,
  signLetter,
  useInvalidateLetters,
} from '../../api/letters';
import { isOffice, useMe } from '../../auth';
import { ActionModal } from '../../components/ActionModal';
import { useErrorNotice } from '../../components/feedback';
import { textRules } from '../../lib/forms';
import { ReasonedActionModal } from '../../components/ReasonedActionModal';

type Dialog = 'score' | 'deduct' | null;

interface ScoreValues {
  scores: Record<string, { score?: number | null; note?: string }>;
}

const scoreNote = ManualScoresInput.shape.scores.element.shape.note.unwrap();

/**
 * What the caller may do with the letter now: the office edits and issues a draft and, while
 * it is in force, scores and deducts; the unit signs its own issued letter.
 */
export function LetterActions({ letter }: { letter: LetterDetail }) {
  const me = useMe();
  const office = isOffice(me.role);
  const { message, modal } = App.useApp();
  const notice = useErrorNotice();
  const invalidate = useInvalidateLetters();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [busy, setBusy] = useState(false);
  const inForce = letter.status === 'issued' || letter.status === 'signed';
  const manual = letter.indicators.filter((i) => i.kind === 'manual');
  const canSign = me.role === 'unit' && me.unitId === letter.unitId && letter.status === 'issued';

  const act = async (verb: 'issue' | 'sign', done: string) => {
    setBusy(true);
    try {
      await (verb === 'issue' ? issueLetter : signLetter)(letter.id);
      message.success(done);
    } catch (e) {
      notice(e);
    } finally {
      setBusy(false);
      await invalidate();
    }
  };

  const confirmSign = () =>
    modal.confirm({
      title: `签订《${letter.title}》？`,
      content: (
        <Typography.Paragraph style={{ margin: 0 }}>
          签订即表示本单位确认接受责任书所列考核指标和扣分规则。签订是正式的确认行为，将以您的账号记入
          <Typography.Text strong>审计日志</Typography.Text>，签订后不能撤销。
        </Typography.Paragraph>
      ),
      okText: '确认签订',
      cancelText: '取消',
      onOk: () => act('sign', '责任书已签订'),
    });

  const buttons = [
    office && letter.status === 'draft' && (
      <Link key="edit" to={`/letters/${letter.id}/edit`}>
        <Button icon={<EditOutlined />} data-testid="letter-edit">
          修改
        </Button>
      </Link>
    ),
    office && letter.status === 'draft' && (
      <Popconfirm
        key="issue"
        title="下达责任书？"
        description="下达后不能再修改，责任单位将收到通知并签订。"
        okText="下达"
        cancelText="取消"
        onConfirm={() => act('issue', '责任书已下达')}
      >
        <Button type="primary" icon={<SendOutlined />} loading={busy} data-testid="letter-issue">
          下达
        </Button>
      </Popconfirm>
    ),
    canSign && (
      <Button
        key="sign"
        type="primary"
        icon={<SignatureOutlined />}
        loading={busy}
        onClick={confirmSign}
        data-testid="letter-sign"
      >
        签订
      </Button>
    ),
    office && inForce && manual.length > 0 && (
      <Button key="score" onClick={() => setDialog('score')} data-testid="letter-score">
        人工评分
      </Button>
    ),
    office && inForce && letter.deductionItems.length > 0 && (
      <Button key="deduct" danger onClick={() => setDialog('deduct')} data-testid="letter-deduct">
        登记扣分
      </Button>
    ),
  ].filter(Boolean);

  if (buttons.length === 0) return null;
  const given = new Map(letter.manualScores.map((s) => [s.indicatorId, s]));

  return (
    <>
      <Space wrap style={{ marginTop: 12 }} data-testid="letter-actions">
        {buttons}
      </Space>

      <ActionModal<ScoreValues>
        open={dialog === 'score'}
        title="人工评分"
        okText="保存评分"
        formName={`score-form-${letter.id}`}
        onClose={() => setDialog(null)}
        initialValues={{
          scores: Object.fromEntries(
            manual.map((i) => [
              i.id,
              { score: given.get(i.id)?.score ?? null, note: given.get(i.id)?.note ?? undefined },
            ]),
          ),
        }}
        submit={(v) =>
          scoreLetter(letter.id, {
            scores: manual.flatMap((i) => {
              const score = v.scores?.[i.id]?.score;
              if (score == null) return [];
              const note = v.scores[i.id].note?.trim();
              return [{ indicatorId: i.id, score, ...(note ? { note } : {}) }];
            }),
          })
        }
        success="评分已保存，考核结果已更新"
        onDone={invalidate}
      >
        {manual.map((i) => (
          <div key={i.id} data-testid="score-item">
            <Typography.Text strong>
              {i.name}（满分 {i.points} 分）
            </Typography.Text>
            {i.description && (
              <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: 0 }}>
                {i.description}
              </Typography.Paragraph>
            )}
            <Space.Compact block style={{ marginTop: 8 }}>
              <Form.Item
                name={['scores', i.id, 'score']}
                rules={[
                  { required: true, message: '请评分' },
                  { type: 'number', min: 0, max: i.points, message: `0–${i.points} 分` },
                ]}
                style={{ width: 140, marginBottom: 12 }}
              >
                <InputNumber
                  step={0.5}
                  placeholder="得分"
                  style={{ width: '100%' }}
                  aria-label={`${i.name}得分`}
                  data-testid="score-input"
                />
              </Form.Item>
              <Form.Item
                name={['scores', i.id, 'note']}
                rules={textRules('评分说明', scoreNote, false)}
                style={{ flex: 1, marginBottom: 12 }}
              >
                <Input placeholder="评分说明（可选）" maxLength={500} aria-label="评分说明" />
              </Form.Item>
            </Space.Compact>
          </div>
        ))}
      </ActionModal>

      <ReasonedActionModal<typeof DeductionEntryInput.shape.note, { itemId: string; count: number }>
        open={dialog === 'deduct'}
        title="登记扣分"
        okText="登记"
        danger
        formName={`deduct-form-${letter.id}`}
        name="note"
        label="情况说明"
        schema={DeductionEntryInput.shape.note}
        maxLength={1000}
        showCount
        onClose={() => setDialog(null)}
        initialValues={{ count: 1 }}
        onSubmit={(note, v) =>
          deductFromLetter(letter.id, { itemId: v.itemId, count: v.count, note })
        }
        success="扣分已登记"
        onDone={invalidate}
      >
        <Form.Item
          label="扣分项"
          name="itemId"
          rules={[{ required: true, message: '请选择扣分项' }]}
        >
          <Select
            options={letter.deductionItems.map((d) => ({
              value: d.id,
              label: `${d.name}（每次 ${d.pointsEach} 分${d.aggravated ? '，加重 ×2' : ''}）`,
            }))}
            data-testid="deduct-item"
          />
        </Form.Item>
        <Form.Item
          label="次数"
          name="count"
          rules={[{ required: true, type: 'integer', min: 1, max: 100, message: '1–100 次' }]}
        >
          <InputNumber />
        </Form.Item>
      </ReasonedActionModal>
    </>
  );
}
