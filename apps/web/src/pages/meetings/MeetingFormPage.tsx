import {
  CreateMeetingInput,
  MEETING_KIND_LABELS,
  type MeetingDetail,
  MeetingKind,
  yearProblem,
  zonedInstant,
} from '@lianxi/domain';
import { App, Button, Card, Col, DatePicker, Form, Input, Radio, Row, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import {
  createMeeting,
  updateMeeting,
  useInvalidateMeetings,
  useMeeting,
} from '../../api/meetings';
import { useErrorNotice } from '../../components/feedback';
import { QueryState } from '../../components/QueryState';
import { beijingWallClock, TIME_ZONE } from '../../lib/format';
import { applyProblemToForm, textRules } from '../../lib/forms';
import { AttendeesField, type AttendeeValues } from './AttendeesField';

interface Values {
  kind: MeetingKind;
  title: string;
  heldAt: Dayjs;
  place?: string;
  chair?: string;
  attendees: AttendeeValues[];
  minutes?: string;
}

const optional = (s: string | undefined) => (s && s.trim() ? s.trim() : undefined);
const toInstant = (d: Dayjs) =>
  zonedInstant(d.format('YYYY-MM-DD'), d.format('HH:mm:00'), TIME_ZONE).toISOString();

function toBody(v: Values) {
  return {
    kind: v.kind,
    title: v.title.trim(),
    heldAt: toInstant(v.heldAt),
    place: optional(v.place),
    chair: optional(v.chair),
    attendees: (v.attendees ?? []).map((a) => ({
      unitId: a.unitId ?? null,
      name: a.name.trim(),
      ...(optional(a.title) ? { title: optional(a.title) } : {}),
    })),
    minutes: optional(v.minutes),
  };
}

const initialOf = (m: MeetingDetail | null): Partial<Values> =>
  m
    ? {
        kind: m.kind,
        title: m.title,
        heldAt: dayjs(beijingWallClock(m.heldAt)),
        place: m.place ?? undefined,
        chair: m.chair ?? undefined,
        attendees: m.attendees.map((a) => ({ ...a, title: a.title ?? undefined })),
        minutes: m.minutes ?? undefined,
      }
    : {
        kind: 'regular',
        heldAt: dayjs(beijingWallClock(new Date().toISOString())).minute(0),
        attendees: [],
      };

function MeetingForm({ meeting }: { meeting: MeetingDetail | null }) {
  const [form] = Form.useForm<Values>();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const notice = useErrorNotice();
  const invalidate = useInvalidateMeetings();
  const [busy, setBusy] = useState(false);

  const onFinish = async (v: Values) => {
    setBusy(true);
    try {
      const saved = meeting
        ? await updateMeeting(meeting.id, {
            ...toBody(v),
            version: meeting.version,
          })
        : await createMeeting(toBody(v));
      await invalidate();
      message.success(meeting ? '会议记录已保存' : '会议已登记');
      navigate(`/meetings/${saved.id}`);
    } catch (e) {
      notice(e, applyProblemToForm(form, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={meeting ? '修改会议记录' : '登记会议'} data-testid="meeting-form">
      <Form<Values>
        form={form}
        name="meeting-form"
        layout="vertical"
        initialValues={initialOf(meeting)}
        onFinish={onFinish}
      >
        <Form.Item label="会议类别" name="kind" rules={[{ required: true }]}>
          <Radio.Group
            optionType="button"
            options={MeetingKind.options.map((k) => ({ value: k, label: MEETING_KIND_LABELS[k] }))}
            data-testid="meeting-kind"
          />
        </Form.Item>
        <Form.Item
          label="会议名称"
          name="title"
          rules={textRules('会议名称', CreateMeetingInput.shape.title)}
        >
          <Input maxLength={200} showCount placeholder="例如：2026 年第四季度打击传销联席会议" />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item
              label="召开时间（北京时间）"
              name="heldAt"
              rules={[
                { required: true, message: '请选择召开时间' },
                {
                  // the same window the API holds: 2000 to next year, never year 607 or 2999
                  validator: async (_, value: Dayjs | null | undefined) => {
                    const problem = value ? yearProblem(value.year(), new Date()) : null;
                    if (problem) throw new Error(problem);
                  },
                },
              ]}
            >
              <DatePicker
                showTime={{ format: 'HH:mm' }}
                format="YYYY-MM-DD HH:mm"
                style={{ width: '100%' }}
                data-testid="meeting-held-at"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              label="地点"
              name="place"
              rules={textRules('地点', CreateMeetingInput.shape.place.unwrap(), false)}
            >
              <Input maxLength={200} placeholder="例如：区政府三楼会议室" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              label="主持人"
              name="chair"
              rules={textRules('主持人', CreateMeetingInput.shape.chair.unwrap(), false)}
            >
              <Input maxLength={50} placeholder="例如：王副区长" />
            </Form.Item>
          </Col>
        </Row>
        <AttendeesField />
        <Form.Item
          label="会议纪要"
          name="minutes"
          rules={textRules('会议纪要', CreateMeetingInput.shape.minutes.unwrap(), false)}
          extra="议定事项请在保存后于会议页面逐项登记，以便交办和跟踪落实。"
        >
          <Input.TextArea rows={8} maxLength={50000} />
        </Form.Item>
        <Space wrap>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="meeting-submit">
            {meeting ? '保存' : '登记'}
          </Button>
          <Link to={meeting ? `/meetings/${meeting.id}` : '/meetings'}>
            <Button>取消</Button>
          </Link>
        </Space>
      </Form>
    </Card>
  );
}

/** 登记会议 (/meetings/new) and 修改会议记录 (/meetings/:id/edit). */
export default function MeetingFormPage() {
  const { id } = useParams();
  const query = useMeeting(id);
  if (!id) return <MeetingForm meeting={null} />;
  return (
    <QueryState {...query} notFoundTitle="会议不存在">
      {(meeting) => <MeetingForm meeting={meeting} />}
    </QueryState>
  );
}
