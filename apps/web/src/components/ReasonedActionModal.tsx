import { Form, Input } from 'antd';
import type { ReactNode } from 'react';
import type { z } from 'zod';
import { textRules } from '../lib/forms';
import { ActionModal } from './ActionModal';

/** The domain's text field: required, or optional when the API lets it be left out. */
export type ReasonSchema = z.ZodString | z.ZodOptional<z.ZodString>;

const isOptional = (s: ReasonSchema): s is z.ZodOptional<z.ZodString> => 'unwrap' in s;

export interface ReasonedActionModalProps<S extends ReasonSchema, V extends object> {
  open: boolean;
  title: string;
  okText: string;
  danger?: boolean;
  /** The form element id: the OK button submits it, the browser tests find it by it. */
  formName: string;
  /** The body field the text is sent as, so the server's field errors land under it. */
  name: string;
  label: string;
  /** The words the validation messages use, when the label says more (「（可选）」). */
  ruleLabel?: string;
  /** The field's schema from `@lianxi/domain`: the form refuses what the API would. */
  schema: S;
  /**
   * Gets the text trimmed, and left out (undefined) when an optional one is blank, because
   * the API refuses a blank optional text; `values` holds the dialog's other fields.
   */
  onSubmit: (text: z.output<S>, values: V) => Promise<unknown>;
  success: string;
  onClose: () => void;
  onDone?: () => unknown;
  rows?: number;
  maxLength?: number;
  showCount?: boolean;
  placeholder?: string;
  extra?: ReactNode;
  inputTestId?: string;
  initialValues?: Partial<V>;
  /** Shown above the text field: a notice, or another field the action asks for. */
  children?: ReactNode;
  /** Shown below the text field (evidence files). */
  after?: ReactNode;
}

/**
 * The dialog of every action that asks for a reason, comment or note: one text field checked
 * by the domain's own schema, and whatever else the action shows around it.
 */
export function ReasonedActionModal<S extends ReasonSchema, V extends object = object>({
  open,
  title,
  okText,
  danger,
  formName,
  name,
  label,
  ruleLabel,
  schema,
  onSubmit,
  success,
  onClose,
  onDone,
  rows = 3,
  maxLength,
  showCount,
  placeholder,
  extra,
  inputTestId,
  initialValues,
  children,
  after,
}: ReasonedActionModalProps<S, V>) {
  const field: ReasonSchema = schema;
  const optional = isOptional(field);
  const bounds: z.ZodString = isOptional(field) ? field.unwrap() : field;
  const rules = textRules(ruleLabel ?? label, bounds, !optional);

  const submit = (values: V & Record<string, unknown>) => {
    const raw = values[name];
    const text = typeof raw === 'string' ? raw.trim() : '';
    // a required text is never blank here: the form's own rule stopped it
    return onSubmit((optional && text === '' ? undefined : text) as z.output<S>, values);
  };

  return (
    <ActionModal<V & Record<string, unknown>>
      open={open}
      title={title}
      okText={okText}
      danger={danger}
      formName={formName}
      onClose={onClose}
      submit={submit}
      success={success}
      onDone={onDone}
      initialValues={initialValues as Partial<V & Record<string, unknown>>}
    >
      {children}
      <Form.Item label={label} name={name} rules={rules} extra={extra}>
        <Input.TextArea
          rows={rows}
          maxLength={maxLength ?? bounds.maxLength ?? undefined}
          showCount={showCount}
          placeholder={placeholder}
          data-testid={inputTestId}
        />
      </Form.Item>
      {after}
    </ActionModal>
  );
}
