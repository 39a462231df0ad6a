import { type CalendarYearView, localDate, YearParams } from '@lianxi/domain';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Empty,
  Form,
  Input,
  InputNumber,
  Row,
  Space,
  Table,
  Tag,
} from 'antd';
import { useState } from 'react';
import { keys } from '../../api/queries';
import { importCalendar, useCalendar } from '../../api/calendar';
import { useMe } from '../../auth';
import { useErrorNotice } from '../../components/feedback';
import { QueryState } from '../../components/QueryState';
import { TIME_ZONE } from '../../lib/format';
import { applyProblemToForm } from '../../lib/forms';
import { numberRules } from '../../lib/number-rules';
import { parseCalendarLines } from './calendar-lines';

type Day = CalendarYearView['days'][number];
const thisYear = () => Number(localDate(new Date(), TIME_ZONE).slice(0, 4));

/** 工作日历: statutory holidays and make-up workdays; deadlines count workdays by it. */
export default function CalendarPage() {
  const me = useMe();
  const [year, setYear] = useState(thisYear);
  const query = useCalendar(year);
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={me.role === 'admin' ? 12 : 24}>
        <Card title="工作日历" extra={<YearPicker year={year} onYear={setYear} />}>
          <QueryState {...query}>
            {(cal) => (
              <>
                <p>来源：{cal.source ?? '未导入（按周一至周五计算工作日，期限标为暂定）'}</p>
                <div data-testid="calendar-days">
                  <Table<Day>
                    rowKey="date"
                    size="small"
                    dataSource={cal.days}
                    pagination={
                      cal.days.length > 40 ? { pageSize: 40, showSizeChanger: false } : false
                    }
                    locale={{ emptyText: <Empty description={`${year} 年尚未导入节假日安排`} /> }}
                    columns={[
                      { title: '日期', dataIndex: 'date', width: 130 },
                      {
                        title: '安排',
                        dataIndex: 'workday',
                        width: 100,
                        render: (w: boolean) =>
                          w ? <Tag color="blue">调休上班</Tag> : <Tag color="red">放假</Tag>,
                      },
                      { title: '名称', dataIndex: 'name', render: (n?: string | null) => n ?? '' },
                    ]}
                  />
                </div>
              </>
            )}
          </QueryState>
        </Card>
      </Col>
      {me.role === 'admin' && (
        <Col xs={24} lg={12}>
          <CalendarImport year={year} />
        </Col>
      )}
    </Row>
  );
}

/**
 * The year shown: a year the calendar does not keep stays as typed with a message beside it,
 * and the page keeps showing the last good one.
 */
function YearPicker({ year, onYear }: { year: number; onYear: (year: number) => void }) {
  const [form] = Form.useForm<{ year: number | null }>();
  return (
    <Form
      form={form}
      layout="inline"
      name="calendar-year"
      initialValues={{ year }}
      onValuesChange={(_, all) => {
        // judged by the server's own rule at once: the form's validation may still be running
        const year = YearParams.shape.year.safeParse(all.year);
        if (all.year != null && year.success) onYear(year.data);
      }}
    >
      <Form.Item
        name="year"
        style={{ margin: 0 }}
        rules={numberRules('年份', YearParams.shape.year, { required: true })}
      >
        <InputNumber suffix="年" aria-label="年份" style={{ width: 120 }} />
      </Form.Item>
    </Form>
  );
}

/** The year's schedule in the import format, so an admin can correct it instead of retyping. */
const toLines = (days: Day[]) =>
  days.map((d) => [d.date, d.workday ? '班' : '休', d.name ?? ''].join(',')).join('\n');

function CalendarImport({ year }: { year: number }) {
  const [form] = Form.useForm<{ source: string; lines: string }>();
  const current = useCalendar(year);
  const client = useQueryClient();
  const { message } = App.useApp();
  const notice = useErrorNotice();
  const [busy, setBusy] = useState(false);

  const onFinish = async (v: { source: string; lines: string }) => {
    const { days } = parseCalendarLines(v.lines, year);
    setBusy(true);
    try {
      const saved = await importCalendar(year, {
        source: v.source.trim(),
        days,
      });
      client.setQueryData(keys.calendar(year), saved);
      message.success(
        `${year} 年日历已导入 ${saved.days.length} 天，重算了 ${saved.recounted} 项期限（任务与移送）`,
      );
    } catch (e) {
      notice(e, applyProblemToForm(form, e, { days: 'lines' }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={`导入 ${year} 年节假日安排`}>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title="每行一天：日期,休/班,名称。例如 2027-01-01,休,元旦 或 2027-02-07,班,春节调休。导入将替换该年已有安排。"
      />
      <Form
        form={form}
        layout="vertical"
        name="calendar-import"
        onFinish={onFinish}
        initialValues={{ source: '国务院办公厅通知' }}
      >
        <Form.Item
          label="来源"
          name="source"
          rules={[
            { required: true, whitespace: true, message: '请填写来源' },
            { max: 200, message: '来源不能超过 200 个字' },
          ]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          label="节假日与调休"
          name="lines"
          rules={[
            { required: true, whitespace: true, message: '请至少填写一行' },
            {
              validator: async (_, value: string | undefined) => {
                const { errors } = parseCalendarLines(value ?? '', year);
                if (errors.length) throw new Error(errors.slice(0, 5).join('；'));
              },
            },
          ]}
        >
          <Input.TextArea
            rows={12}
            placeholder={`${year}-01-01,休,元旦`}
            data-testid="calendar-lines"
          />
        </Form.Item>
        <Space wrap>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="calendar-import">
            导入
          </Button>
          <Button
            disabled={!current.data?.days.length}
            onClick={() =>
              current.data && form.setFieldsValue({ lines: toLines(current.data.days) })
            }
          >
            载入已有安排
          </Button>
        </Space>
      </Form>
    </Card>
  );
}
