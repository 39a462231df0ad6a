import { isOpen, type TaskDetail, type TaskEvent, taskActions } from '@lianxi/domain';
import { Alert, Card, Col, Descriptions, Row, Space, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { useInvalidateAttachments, useTaskAttachments } from '../../api/attachments';
import { useReadNoticesAbout } from '../../api/notifications';
import { taskAttachmentsPath, useTask } from '../../api/tasks';
import { useUnitNames } from '../../api/units';
import { isOffice, useMe } from '../../auth';
import { AttachmentCard } from '../../components/Attachments';
import { OrderAttachmentsCard } from '../../components/OrderAttachments';
import { Breadcrumbs } from '../../components/Breadcrumbs';
import { QueryState } from '../../components/QueryState';
import { Deadline, EscalationTag, StatusTag } from '../../components/tags';
import { ASSIGNMENT_LABELS, formatTime, PRIORITY_LABELS } from '../../lib/format';
import { ExtensionPanel } from './ExtensionPanel';
import { OfficeActions } from './OfficeActions';
import { SupervisorActions } from './SupervisorActions';
import { EscalationHistory, EventTimeline } from './TaskHistory';
import { UnitActions } from './UnitActions';

export default function TaskPage() {
  const { id } = useParams();
  const query = useTask(id);
  useReadNoticesAbout('task', query.data?.id);
  return (
    <QueryState {...query} notFoundTitle="任务不存在或无权访问">
      {(task) => <TaskView task={task} />}
    </QueryState>
  );
}

function TaskView({ task }: { task: TaskDetail }) {
  const me = useMe();
  const unitName = useUnitNames();
  const mine = me.role === 'unit' && me.unitId === task.unitId;
  const office = isOffice(me.role);
  const actions = taskActions(
    {
      status: task.status,
      unitId: task.unitId,
      returnDueAt: task.returnDueAt ? new Date(task.returnDueAt) : null,
    },
    { role: me.role, unitId: me.unitId },
    new Date(),
  );
  const taskFiles = useTaskAttachments(task.id).data?.items ?? [];
  const invalidateFiles = useInvalidateAttachments();
  const refreshTaskFiles = () => invalidateFiles({ taskId: task.id, orderId: task.workOrderId });
  // the unit adds evidence while the task is open; a closed task's record stays as approved
  const unitMayAdd = mine && isOpen(task.status);
  const canAddTo = (e: TaskEvent) =>
    unitMayAdd && (e.action === 'progress' || e.action === 'report');
  const looseFiles = taskFiles.filter((a) => a.taskEventId === null);

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="task-detail">
      <Breadcrumbs
        list={
          me.role === 'unit'
            ? { title: '我的任务', to: '/inbox' }
            : { title: '全部任务', to: '/tasks' }
        }
        current={task.serial}
      />
      <Card
        title={
          <Space wrap>
            <Typography.Text type="secondary">{task.serial}</Typography.Text>
            <span data-testid="task-title">{task.title}</span>
          </Space>
        }
        extra={
          <Space>
            <StatusTag status={task.status} />
            <EscalationTag level={task.escalationLevel} />
          </Space>
        }
      >
        {task.redFlag && (
          <Alert type="error" showIcon style={{ marginBottom: 12 }} title="挂牌督办事项" />
        )}
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 3 }}
          items={[
            {
              key: 'order',
              label: '交办单',
              children: <Link to={`/work-orders/${task.workOrderId}`}>{task.serial}</Link>,
            },
            { key: 'unit', label: '承办单位', children: unitName(task.unitId) },
            {
              key: 'role',
              label: '承办方式',
              children: (
                <Tag color={task.role === 'lead' ? 'red' : 'default'}>
                  {ASSIGNMENT_LABELS[task.role]}
                </Tag>
              ),
            },
            {
              key: 'priority',
              label: '紧急程度',
              children: (
                <Tag color={task.priority === 'urgent' ? 'volcano' : 'default'}>
                  {PRIORITY_LABELS[task.priority]}
                </Tag>
              ),
            },
            ...(task.status === 'issued' && task.signDueAt
              ? [{ key: 'sign', label: '签收期限', children: formatTime(task.signDueAt) }]
              : []),
            {
              key: 'due',
              label: '办理期限',
              children: (
                <Deadline status={task.status} dueAt={task.dueAt} level={task.escalationLevel} />
              ),
            },
            ...(task.returnDueAt && (task.status === 'issued' || task.status === 'accepted')
              ? [{ key: 'return', label: '可退回至', children: formatTime(task.returnDueAt) }]
              : []),
            ...(task.officeDueAt
              ? [{ key: 'office', label: '打传办审办期限', children: formatTime(task.officeDueAt) }]
              : []),
          ]}
        />
        {task.provisional && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
            注：期限跨越尚未导入工作日历的年份，按周一至周五推算，导入后将自动重算。
          </Typography.Paragraph>
        )}
        <Typography.Title level={5}>交办内容</Typography.Title>
        <Typography.Paragraph className="lx-pre" data-testid="task-body">
          {task.body}
        </Typography.Paragraph>
        <Space orientation="vertical" style={{ width: '100%' }}>
          {mine && <UnitActions task={task} actions={actions} />}
          {office && <OfficeActions task={task} actions={actions} />}
          {me.role === 'supervisor' && <SupervisorActions task={task} actions={actions} />}
        </Space>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card title="办理记录" size="small">
            <EventTimeline
              task={task}
              attachments={taskFiles}
              canAddTo={canAddTo}
              onUploaded={refreshTaskFiles}
            />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <OrderAttachmentsCard orderId={task.workOrderId} />
            {(looseFiles.length > 0 || unitMayAdd) && (
              <AttachmentCard
                title={`任务附件（${looseFiles.length}）`}
                attachments={looseFiles}
                upload={
                  unitMayAdd || office
                    ? { path: taskAttachmentsPath(task.id), onUploaded: refreshTaskFiles }
                    : undefined
                }
                emptyText="暂无未归入办理记录的附件"
                testId="task-attachments"
              />
            )}
            <EscalationHistory taskId={task.id} />
            <ExtensionPanel task={task} canDecide={actions.includes('decide_extension')} />
          </Space>
        </Col>
      </Row>
    </Space>
  );
}
