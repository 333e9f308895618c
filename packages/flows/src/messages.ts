import { registerMessages } from '@tessera/i18n';

/** Why a flow command was refused, in both languages (flow-error.ts). */
registerMessages({
  'flow.not_found': { 'zh-CN': '流程或流程实例不存在', en: 'The flow or its instance does not exist' },
  'flow.not_running': { 'zh-CN': '该审批已结束', en: 'This approval has already ended' },
  'flow.no_task': { 'zh-CN': '你在该审批中没有待办，可能已被他人处理', en: 'You have no open task in this approval; someone may have acted first' },
  'flow.fields_required': { 'zh-CN': '审批前请先填写：{fields}', en: 'Fill these in before approving: {fields}' },
  'flow.webhook_signature': {
    'zh-CN': 'Webhook 签名无效或已过期（webhook-id、webhook-timestamp、webhook-signature）',
    en: 'The webhook signature is missing, wrong or too old (webhook-id, webhook-timestamp, webhook-signature)',
  },
  'flow.webhook_not_found': {
    'zh-CN': '没有由 Webhook 启动的流程“{flow}”，或它还没有签名密钥',
    en: 'No flow "{flow}" started by a webhook, or it has no signing secret yet',
  },
  'flow.delegate_self': { 'zh-CN': '代理人不能是你自己', en: 'You cannot be your own delegate' },
  'flow.delegate_unknown': { 'zh-CN': '代理人不存在或已停用', en: 'The delegate does not exist or is deactivated' },
  'flow.delegation_period': {
    'zh-CN': '结束时间须晚于开始时间和当前时间，且最长 {days} 天',
    en: 'The end must be after the start and after now, and at most {days} days later',
  },
  'flow.delegation_scope': { 'zh-CN': '指定流程时须同时指定应用', en: 'Name the app when you name its flows' },
  // E-mails of approvals (mail.ts): the subject line, the greeting, the link.
  'flow.mail.task': { 'zh-CN': '【待审批】{flow}', en: 'Waiting for your approval: {flow}' },
  'flow.mail.returned': { 'zh-CN': '【已退回】{flow} 已退回给你', en: 'Returned to you: {flow}' },
  'flow.mail.cc': { 'zh-CN': '【抄送】{flow}', en: 'Copied to you: {flow}' },
  'flow.mail.urge': { 'zh-CN': '【催办】{flow} 等待你处理', en: 'Reminder: {flow} is waiting for you' },
  'flow.mail.overdue': { 'zh-CN': '【已超时】{flow}', en: 'Overdue: {flow}' },
  'flow.mail.finished.approved': { 'zh-CN': '【已通过】{flow}', en: 'Approved: {flow}' },
  'flow.mail.finished.rejected': { 'zh-CN': '【已拒绝】{flow}', en: 'Rejected: {flow}' },
  'flow.mail.finished.withdrawn': { 'zh-CN': '【已撤回】{flow}', en: 'Withdrawn: {flow}' },
  'flow.mail.finished.cancelled': { 'zh-CN': '【已取消】{flow}', en: 'Cancelled: {flow}' },
  'flow.mail.other': { 'zh-CN': '{flow}', en: '{flow}' },
  'flow.mail.greeting': { 'zh-CN': '{name}，你好：', en: 'Hello {name},' },
  'flow.mail.open': { 'zh-CN': '打开审批', en: 'Open the approval' },
  'flow.attachment_unknown': {
    'zh-CN': '附件不存在或不是你上传的，请重新上传',
    en: 'An attachment does not exist or was not uploaded by you; upload it again',
  },
  'flow.task_ambiguous': { 'zh-CN': '你在多个节点都有待办，请指明节点', en: 'You have open tasks at several steps; name the step' },
  'flow.not_initiator': { 'zh-CN': '只有发起人可以这样做', en: 'Only the person who submitted it may do this' },
  'flow.withdraw_closed': { 'zh-CN': '审批已经开始处理，不能撤回', en: 'The approval is already under way and can no longer be withdrawn' },
  'flow.return_target': {
    'zh-CN': '只能退回到已经经过的审批节点“{node}”之前的位置',
    en: 'You can only return it to an approval step it has already passed ("{node}" is not one)',
  },
  'flow.not_returned': { 'zh-CN': '该审批没有被退回，无需重新提交', en: 'This approval was not returned, so there is nothing to resubmit' },
  'flow.already_approver': { 'zh-CN': '此人已经是该节点的审批人', en: 'That person is already an approver of this step' },
  'flow.already_running': { 'zh-CN': '这条记录已有进行中的该审批', en: 'This record already has this approval under way' },
  'flow.disabled': { 'zh-CN': '该流程已停用', en: 'This flow is switched off' },
  'flow.record_locked': { 'zh-CN': '记录正在审批中', en: 'The record is under approval' },
  'flow.start_refused': { 'zh-CN': '无法对这条记录发起该流程', en: 'This flow cannot be started on this record' },
  'flow.conflict': { 'zh-CN': '审批已被他人更新，请刷新', en: 'Someone else changed this approval; reload' },
  'flow.forbidden': { 'zh-CN': '你不能查看或处理这个审批', en: 'You may not see or act on this approval' },
});
