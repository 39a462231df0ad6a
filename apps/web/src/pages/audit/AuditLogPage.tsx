import {
  AUDIT_ACTION_LABELS,
  AUDIT_SUBJECT_LABELS,
  type AuditEntry,
  auditActionLabel,
  auditSubjectLabel,
  ROLE_LABELS,
  type Role,
} from '@lianxi/domain';
import { Alert, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { AUDIT_EXPORT, useAuditActors, useAuditPage, useAuditVerify } from '../../api/audit';
import { useMe } from '../../auth';
import { useFromList } from '../../components/Breadcrumbs';
import type { SearchField } from '../../components/SearchBar';
import { options } from '../../components/search-fields';
import { useUrlFilters } from '../../lib/url-filters';
import { LogList } from './LogList';
import { formatSeconds, objectName, subjectPath } from './log-format';

const SEARCH = ['actorId', 'action', 'subjectType', 'from', 'to'] as const;

/** The chain check at the top of the page: the log is worth reading only if it is whole. */
function ChainStatus() {
  const verify = useAuditVerify();
  if (verify.isPending) return <Alert type="info" showIcon title="正在校验哈希链…" />;
  if (verify.error || !verify.data) {
    return <Alert type="warning" showIcon title="哈希链校验未完成，请稍后刷新重试" />;
  }
  const { ok, checked, firstBrokenId } = verify.data;
  return ok ? (
    <Alert
      type="success"
      showIcon
      title={`哈希链完整，已校验 ${checked} 条`}
      data-testid="audit-chain"
    />
  ) : (
    <Alert
      type="error"
      showIcon
      title={`哈希链在第 ${firstBrokenId} 号记录处断开：该记录或其前一条已被改动或删除`}
      description={`此前 ${checked} 条记录完整。请立即报告系统管理员并保全数据库。`}
      data-testid="audit-chain"
    />
  );
}

/**
 * 操作日志: every change anyone made, newest first, searchable by person, action, object and
 * day, with the chain check's verdict above it.
 */
export default function AuditLogPage() {
  const me = useMe();
  const list = useUrlFilters(SEARCH);
  const query = useAuditPage(list.apiQuery);
  const actors = useAuditActors();
  const from = useFromList('操作日志');
  const fields: SearchField[] = useMemo(
    () => [
      {
        kind: 'select',
        name: 'actorId',
        placeholder: '操作人',
        width: 200,
        options: (actors.data ?? []).map((a) => ({
          value: a.id,
          label: `${a.displayName}（${a.unitName ?? a.username}）`,
        })),
      },
      {
        kind: 'select',
        name: 'action',
        placeholder: '操作',
        width: 180,
        options: options(AUDIT_ACTION_LABELS),
      },
      {
        kind: 'select',
        name: 'subjectType',
        placeholder: '对象类型',
        width: 140,
        options: options(AUDIT_SUBJECT_LABELS),
      },
      { kind: 'dates', from: 'from', to: 'to', placeholder: ['操作日期自', '操作日期至'] },
    ],
    [actors.data],
  );

  return (
    <LogList<AuditEntry, (typeof SEARCH)[number]>
      title="操作日志"
      exportFrom={AUDIT_EXPORT}
      exportTestId="audit-export"
      before={<ChainStatus />}
      list={list}
      fields={fields}
      query={query}
      testId="audit-list"
      empty="没有符合条件的操作记录"
      scrollX={900}
      columns={[
        {
          title: '时间',
          dataIndex: 'at',
          width: 170,
          render: (at: string) => formatSeconds(at),
        },
        {
          title: '操作人',
          key: 'actor',
          width: 200,
          className: 'lx-wrap',
          render: (_, e) => (
            <>
              <div>{e.actorName ?? '系统'}</div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {e.actorUnit ?? ROLE_LABELS[e.actorRole as Role] ?? e.actorRole}
              </Typography.Text>
            </>
          ),
        },
        {
          title: '操作',
          dataIndex: 'action',
          width: 150,
          render: (action: string) => (
            <Tag color="blue" data-testid="audit-action">
              {auditActionLabel(action)}
            </Tag>
          ),
        },
        {
          title: '对象',
          key: 'subject',
          className: 'lx-wrap',
          render: (_, e) => {
            const path = subjectPath(e.subjectType, e.subjectId, me.role);
            const name = objectName(e);
            return (
              <>
                <Tag>{auditSubjectLabel(e.subjectType)}</Tag>
                {path ? (
                  <Link to={path} state={from}>
                    {name}
                  </Link>
                ) : (
                  name
                )}
              </>
            );
          },
        },
      ]}
    />
  );
}
