import { type Briefing, BriefingSections } from '@lianxi/domain';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Popconfirm, Space, Typography } from 'antd';
import { useState } from 'react';
import { figureKeys } from '../../api/stat-reports';
import { useErrorNotice } from '../../components/feedback';
import { applyProblemToForm, textRules } from '../../lib/forms';
import { publishBriefing, updateBriefing } from '../../api/briefings';

type Values = Omit<BriefingSections, 'meeting'> & { meeting?: string | null };

const shape = BriefingSections.shape;
const SECTIONS: { key: keyof Values; label: string; rows: number; required: boolean }[] = [
  { key: 'meeting', label: '会议情况（无会议可留空）', rows: 5, required: false },
  { key: 'work', label: '工作开展情况', rows: 4, required: true },
  { key: 'figures', label: '打击成效', rows: 4, required: true },
  { key: 'alerts', label: '警情走势', rows: 2, required: true },
  { key: 'overdue', label: '逾期督办事项', rows: 4, required: true },
];
const LIMITS = {
  meeting: shape.meeting.unwrap(),
  work: shape.work,
  figures: shape.figures,
  alerts: shape.alerts,
  overdue: shape.overdue,
  headline: shape.headline,
  reportTo: shape.reportTo,
  copyTo: shape.copyTo,
};

export const toSections = (v: Partial<Values>, fallback: BriefingSections): BriefingSections => ({
  headline: v.headline ?? fallback.headline,
  meeting: v.meeting === undefined ? fallback.meeting : v.meeting?.trim() ? v.meeting : null,
  work: v.work ?? fallback.work,
  figures: v.figures ?? fallback.figures,
  alerts: v.alerts ?? fallback.alerts,
  overdue: v.overdue ?? fallback.overdue,
  reportTo: v.reportTo ?? fallback.reportTo,
  copyTo: v.copyTo ?? fallback.copyTo,
});

/**
 * 编辑简报: each section of the draft as text; the preview beside it follows every keystroke.
 * 印发 saves what is typed first, then publishes it.
 */
export function BriefingEditor({
  briefing,
  onChange,
}: {
  briefing: Briefing;
  /** The sections as typed (for the live preview) and whether they differ from the saved. */
  onChange: (sections: BriefingSections, dirty: boolean) => void;
}) {
  const [form] = Form.useForm<Values>();
  const client = useQueryClient();
  const { message } = App.useApp();
  const notice = useErrorNotice();
  const [busy, setBusy] = useState<'save' | 'publish' | null>(null);
  const [dirty, setDirty] = useState(false);

  const refresh = (next: Briefing) => {
    client.setQueryData(figureKeys.briefing(briefing.id), next);
    return client.invalidateQueries({ queryKey: figureKeys.briefings });
  };

  /** Saves the typed sections; returns the saved briefing, or null when it did not take. */
  const save = async (): Promise<Briefing | null> => {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return null;
    }
    try {
      const saved = await updateBriefing(briefing.id, {
        version: briefing.version,
        sections: toSections(v, briefing.sections),
      });
      setDirty(false);
      onChange(saved.sections, false);
      await refresh(saved);
      return saved;
    } catch (e) {
      notice(e, applyProblemToForm(form, e, { sections: 'headline' }));
      return null;
    }
  };

  const onSave = async () => {
    setBusy('save');
    if (await save()) message.success('简报已保存');
    setBusy(null);
  };

  const onPublish = async () => {
    setBusy('publish');
    try {
      const saved = dirty ? await save() : briefing;
      if (!saved) return;
      const published = await publishBriefing(saved.id);
      await refresh(published);
      message.success(`第 ${published.issueNo} 期简报已印发`);
    } catch (e) {
      notice(e);
    } finally {
      setBusy(null);
    }
  };

  const area = (key: keyof Values, label: string, rows: number, required: boolean) => (
    <Form.Item key={key} label={label} name={key} rules={textRules(label, LIMITS[key], required)}>
      <Input.TextArea rows={rows} data-testid={`section-${key}`} />
    </Form.Item>
  );

  return (
    <Card title="编辑简报" size="small" data-testid="briefing-editor">
      <Form<Values>
        form={form}
        name="briefing-form"
        layout="vertical"
        initialValues={{ ...briefing.sections, meeting: briefing.sections.meeting ?? '' }}
        onValuesChange={(_, all) => {
          setDirty(true);
          onChange(toSections(all, briefing.sections), true);
        }}
      >
        <Form.Item label="标题" name="headline" rules={textRules('标题', LIMITS.headline)}>
          <Input maxLength={200} data-testid="section-headline" />
        </Form.Item>
        {SECTIONS.map((s) => area(s.key, s.label, s.rows, s.required))}
        {area('reportTo', '报送', 2, true)}
        {area('copyTo', '分送', 2, true)}
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          正文各部分按段落换行；印发后不能再修改。
        </Typography.Paragraph>
        <Space wrap>
          <Button
            onClick={() => void onSave()}
            loading={busy === 'save'}
            disabled={busy !== null || !dirty}
            data-testid="briefing-save"
          >
            保存
          </Button>
          <Popconfirm
            title={`印发第 ${briefing.issueNo} 期简报？`}
            description="印发后各成员单位、督查和领导可查阅，内容不能再修改。"
            okText="印发"
            cancelText="取消"
            onConfirm={() => onPublish()}
          >
            <Button
              type="primary"
              loading={busy === 'publish'}
              disabled={busy !== null}
              data-testid="briefing-publish"
            >
              {dirty ? '保存并印发' : '印发'}
            </Button>
          </Popconfirm>
        </Space>
      </Form>
    </Card>
  );
}
