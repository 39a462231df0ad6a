import { TASK_ACTION_LABELS } from '../tasks/status.js';

/**
 * The audit actions as a clerk reads them. Task transitions are recorded as `task.<action>`
 * and share their names with the task timeline; an action missing here (a verb added later)
 * is shown by its code rather than hidden.
 */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'conference.seeded': '初始化联席会议',
  'user.created': '新建账号',
  'user.updated': '修改账号',
  'user.disabled': '停用账号',
  'user.enabled': '启用账号',
  'user.password_reset': '重置密码',
  'user.password_changed': '修改密码',
  'unit.created': '新建成员单位',
  'unit.updated': '修改成员单位',
  'duty.added': '添加职责',
  'policy.updated': '修改督办规则',
  'calendar.imported': '导入工作日历',
  'routing_rule.created': '新建分流规则',
  'routing_rule.updated': '修改分流规则',
  'routing_rule.deleted': '删除分流规则',
  'work_order.issued': '下发交办单',
  'work_order.split_down': '分解上级交办单',
  ...Object.fromEntries(
    Object.entries(TASK_ACTION_LABELS).map(([action, label]) => [`task.${action}`, label]),
  ),
  'task.escalated': '任务升级督办',
  'task.recounted': '重算任务时限',
  'supervision.opinion': '督办意见',
  'supervision.closed': '督办件办结',
  'clue.received': '登记线索',
  'clue.repeated': '重复线索并入',
  'clue.closed': '线索办结',
  'clue.attachment_added': '上传线索附件',
  'handoff.sent': '移送线索',
  'handoff.received': '签收移送件',
  'handoff.answered': '反馈移送结果',
  'handoff.reconsideration_requested': '申请复议',
  'handoff.items_handed_over': '移交涉案物品',
  'handoff.escalated': '移送件升级督办',
  'handoff.urged': '人工催办移送件',
  'handoff.supervised': '人工督办移送件',
  'handoff.recounted': '重算移送时限',
  'meeting.created': '新建会议',
  'meeting.updated': '修改会议',
  'meeting.resolution_added': '添加议定事项',
  'letter.drafted': '起草责任书',
  'letter.updated': '修改责任书',
  'letter.issued': '下达责任书',
  'letter.signed': '签订责任书',
  'letter.scored': '人工评分',
  'letter.deducted': '记录扣分',
  'letter.assessed': '考评定稿',
  'stat_report.filed': '填报月报',
  'stat_report.updated': '修改月报',
  'stat_report.corrected': '更正月报',
  'stat_report.submitted': '提交月报',
  'stat_report.approved': '审核通过月报',
  'stat_report.returned': '退回月报',
  'stat_report.imported': '导入月报',
  'briefing.composed': '生成简报',
  'briefing.edited': '编辑简报',
  'briefing.published': '发布简报',
};

/** What an audit row is about. */
export const AUDIT_SUBJECT_LABELS: Record<string, string> = {
  conference: '联席会议',
  user: '账号',
  unit: '成员单位',
  policy: '督办规则',
  calendar: '工作日历',
  routing_rule: '分流规则',
  work_order: '交办单',
  task: '任务',
  supervision_case: '督办件',
  clue: '线索',
  handoff: '移送件',
  meeting: '会议',
  letter: '责任书',
  stat_report: '月报',
  briefing: '工作简报',
};

export const auditActionLabel = (action: string) => AUDIT_ACTION_LABELS[action] ?? action;
export const auditSubjectLabel = (type: string) => AUDIT_SUBJECT_LABELS[type] ?? type;
