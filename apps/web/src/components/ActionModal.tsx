import { App, Form, type FormInstance, Modal } from 'antd';
import { type ReactNode, useState } from 'react';
import { applyProblemToForm } from '../lib/forms';
import { useErrorNotice } from './feedback';

interface Props<V> {
  open: boolean;
  title: string;
  okText: string;
  danger?: boolean;
  onClose: () => void;
  submit: (values: V) => Promise<unknown>;
  success: string;
  onDone?: () => unknown;
  /** Server field names that this form shows under another name. */
  aliases?: Record<string, string>;
  initialValues?: Partial<V>;
  /** The form element id: the OK button submits it from the modal footer. */
  formName: string;
  children: ReactNode | ((form: FormInstance<V>) => ReactNode);
}

/**
 * One dialog for every action that needs a few words from the user: validates like the
 * API, shows the server's field errors in place, and closes only when the action took.
 */
export function ActionModal<V extends object>({
  open,
  title,
  okText,
  danger,
  onClose,
  submit,
  success,
  onDone,
  aliases,
  initialValues,
  formName,
  children,
}: Props<V>) {
  const [form] = Form.useForm<V>();
  const [busy, setBusy] = useState(false);
  const { message } = App.useApp();
  const notice = useErrorNotice();

  const onFinish = async (values: V) => {
    setBusy(true);
    try {
      await submit(values);
      message.success(success);
      onClose();
      await onDone?.();
    } catch (e) {
      notice(e, applyProblemToForm(form, e, aliases));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      cancelText="取消"
      okButtonProps={{ danger, loading: busy, htmlType: 'submit', form: formName }}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<V>
        form={form}
        name={formName}
        layout="vertical"
        onFinish={onFinish}
        initialValues={initialValues}
        preserve={false}
      >
        {typeof children === 'function' ? children(form) : children}
      </Form>
    </Modal>
  );
}
