import { Button, DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';

/** One field of a list's search bar; a date (or month) range fills two URL keys. */
export type SearchField =
  | { kind: 'text'; name: string; placeholder: string; width?: number }
  | {
      kind: 'select';
      name: string;
      placeholder: string;
      options: { value: string; label: string }[];
      width?: number;
    }
  | {
      kind: 'dates';
      from: string;
      to: string;
      placeholder: [string, string];
      /** months (YYYY-MM) rather than days */
      picker?: 'month';
    };

interface Props {
  fields: SearchField[];
  values: Partial<Record<string, string>>;
  onSearch(values: Record<string, string | undefined>): void;
  onReset(): void;
  testId?: string;
}

const formatOf = (f: { picker?: 'month' }) => (f.picker === 'month' ? 'YYYY-MM' : 'YYYY-MM-DD');

/**
 * A list's search bar: an inline form that wraps on a phone. It shows what the URL holds
 * and hands back plain strings (days as YYYY-MM-DD, months as YYYY-MM) for the URL; 查询 applies, 重置 clears.
 */
export function SearchBar({ fields, values, onSearch, onReset, testId = 'search-bar' }: Props) {
  const [form] = Form.useForm();
  // the URL is the truth: back, reload and a shared link refill the form from it
  useEffect(() => {
    const shown: Record<string, unknown> = {};
    for (const f of fields) {
      if (f.kind === 'dates') {
        const a = values[f.from];
        const b = values[f.to];
        shown[f.from] = a || b ? [a ? dayjs(a) : null, b ? dayjs(b) : null] : undefined;
      } else shown[f.name] = values[f.name];
    }
    form.resetFields();
    form.setFieldsValue(shown);
    // fields are a constant of the page; the values compare by content, not identity
  }, [form, JSON.stringify(values)]);

  const submit = (raw: Record<string, unknown>) => {
    const out: Record<string, string | undefined> = {};
    for (const f of fields) {
      if (f.kind === 'dates') {
        const range = raw[f.from] as [Dayjs | null, Dayjs | null] | undefined;
        out[f.from] = range?.[0]?.format(formatOf(f));
        out[f.to] = range?.[1]?.format(formatOf(f));
      } else {
        const v = raw[f.name];
        out[f.name] = typeof v === 'string' && v.trim() ? v.trim() : undefined;
      }
    }
    onSearch(out);
  };

  return (
    <Form
      form={form}
      layout="inline"
      onFinish={submit}
      className="lx-search-bar"
      data-testid={testId}
    >
      {fields.map((f) => (
        <Form.Item
          key={f.kind === 'dates' ? f.from : f.name}
          name={f.kind === 'dates' ? f.from : f.name}
        >
          {f.kind === 'text' ? (
            <Input
              allowClear
              placeholder={f.placeholder}
              style={{ width: f.width ?? 200 }}
              data-testid={`search-${f.name}`}
            />
          ) : f.kind === 'select' ? (
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              placeholder={f.placeholder}
              options={f.options}
              style={{ width: f.width ?? 150 }}
              data-testid={`search-${f.name}`}
            />
          ) : (
            <DatePicker.RangePicker
              allowEmpty={[true, true]}
              picker={f.picker}
              format={formatOf(f)}
              placeholder={f.placeholder}
              style={{ width: 250 }}
              data-testid={`search-${f.from}`}
            />
          )}
        </Form.Item>
      ))}
      <Form.Item className="lx-search-action">
        <Button type="primary" htmlType="submit" data-testid="search-submit">
          查询
        </Button>
      </Form.Item>
      <Form.Item className="lx-search-action">
        <Button onClick={onReset} data-testid="search-reset">
          重置
        </Button>
      </Form.Item>
    </Form>
  );
}
