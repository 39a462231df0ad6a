import type { Attachment, AttachmentList, Problem } from '@lianxi/domain';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, download, get } from './client';
import { keys } from './queries';
import { getSession } from './session';

/** Under the task's and the order's own keys, so every task action refreshes them too. */
export const attachmentKeys = {
  task: (id: string) => [...keys.task(id), 'attachments'] as const,
  order: (id: string) => [...keys.workOrder(id), 'attachments'] as const,
};

/** Evidence on one task, each naming the 办理记录 entry it belongs to. */
export function useTaskAttachments(taskId: string) {
  return useQuery({
    queryKey: attachmentKeys.task(taskId),
    queryFn: () => get<AttachmentList>(`/api/tasks/${taskId}/attachments`),
  });
}

/** A work order's files the caller may see: its own, and the evidence of visible tasks. */
export function useOrderAttachments(orderId: string) {
  return useQuery({
    queryKey: attachmentKeys.order(orderId),
    queryFn: () => get<AttachmentList>(`/api/work-orders/${orderId}/attachments`),
  });
}

const networkProblem: Problem = {
  type: 'about:blank',
  title: '网络错误',
  status: 0,
  detail: '无法连接服务器，请检查网络后重试',
};

function problemOf(status: number, text: string): Problem {
  try {
    const body = JSON.parse(text) as Partial<Problem>;
    if (typeof body.title === 'string') return { ...body, status } as Problem;
  } catch {
    // not problem+json (a proxy's page): answer a generic one below
  }
  return {
    type: 'about:blank',
    title: status === 413 ? '文件过大' : status >= 500 ? '服务器内部错误' : '上传失败',
    status,
    detail: `服务器返回 ${status}`,
  };
}

/**
 * A stale access token is renewed by the ordinary client (any authorised call refreshes it
 * once); these raw transfers then try again with the new one.
 */
const renewToken = () =>
  get('/api/me').then(
    () => true,
    () => false,
  );

function sendWithProgress(
  path: string,
  form: FormData,
  onProgress: (percent: number) => void,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.setRequestHeader('accept', 'application/json');
    const token = getSession()?.accessToken;
    if (token) xhr.setRequestHeader('authorization', `Bearer ${token}`);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onload = () => resolve({ status: xhr.status, text: xhr.responseText });
    xhr.onerror = () => reject(new ApiError(networkProblem));
    xhr.send(form);
  });
}

/**
 * Uploads one file as multipart/form-data, reporting progress (fetch cannot report an
 * upload's progress, XMLHttpRequest can). Fields go before the file: the server reads them
 * first.
 */
export async function uploadFile(
  path: string,
  file: Blob,
  options: { fields?: Record<string, string>; onProgress?: (percent: number) => void } = {},
): Promise<Attachment> {
  const form = new FormData();
  for (const [name, value] of Object.entries(options.fields ?? {})) form.append(name, value);
  form.append('file', file);
  const onProgress = options.onProgress ?? (() => {});
  let res = await sendWithProgress(path, form, onProgress);
  if (res.status === 401 && (await renewToken()))
    res = await sendWithProgress(path, form, onProgress);
  if (res.status < 200 || res.status >= 300) throw new ApiError(problemOf(res.status, res.text));
  return JSON.parse(res.text) as Attachment;
}

/** A file's bytes with the bearer header (an <img src> would carry none). */
export async function fetchFile(path: string): Promise<Blob> {
  const load = () =>
    fetch(path, { headers: { authorization: `Bearer ${getSession()?.accessToken ?? ''}` } });
  let res: Response;
  try {
    res = await load();
    if (res.status === 401 && (await renewToken())) res = await load();
  } catch {
    throw new ApiError(networkProblem);
  }
  if (!res.ok) throw new ApiError(problemOf(res.status, await res.text()));
  return res.blob();
}

/** After an upload: the lists that hold the new file. */
export function useInvalidateAttachments() {
  const client = useQueryClient();
  return (holder: { taskId?: string; orderId?: string }) =>
    Promise.all([
      holder.taskId && client.invalidateQueries({ queryKey: attachmentKeys.task(holder.taskId) }),
      holder.orderId &&
        client.invalidateQueries({ queryKey: attachmentKeys.order(holder.orderId) }),
    ]);
}

/** One stored file, for its thumbnail and its download. */
export const attachmentPath = (id: string) => `/api/attachments/${id}`;
export const downloadAttachment = (a: Pick<Attachment, 'id' | 'fileName'>) =>
  download(attachmentPath(a.id), a.fileName);
