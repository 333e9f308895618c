import './messages';

export { type LookAhead, lookAhead, type PreviewStep, previewApprovals } from './engine/preview';
export { missingRequired, type Reduction, reduce } from './engine/reduce';
export { FlowError, type FlowErrorCode } from './flow-error';
export { buildGraph, type FlowGraph, MAIN, parallelPath } from './flow-graph';
export type { FileRef, FlowCommand, FlowEffect, FlowEnvironment, FlowHistoryEntry, Remark } from './flow-step';
export { type ApprovalState, type InstanceState, type InstanceStatus, initialState, type Seat, type SeatStatus, type Token } from './instance-state';
export { HTTP_QUEUE, TIMER_QUEUE } from './runtime/apply-effects';
export { type ApprovalFields, approvalFields, approvalPolicy } from './runtime/approval-access';
export { type CancelledFlows, cancelAppFlows } from './runtime/cancel-app-flows';
export { createFlowDefinitions, type FlowDefinitions, type FlowVersion, flowVersion } from './runtime/definitions';
export { createDelegation, endDelegation, HANDOVER_QUEUE, handOverOpenTasks } from './runtime/delegation-handover';
export { type DelegationStore, type DelegationView, delegationStore, type NewDelegation } from './runtime/delegations';
export { createDirectoryCache, type Delegation, type DirectoryCache, type DirectorySnapshot, delegateOf, loadDirectory } from './runtime/directory';
export { type FlowEngineWiring, wireFlowEngine } from './runtime/engine-wiring';
export {
  type InboxBox,
  type InboxItem,
  type InstanceView,
  inboxCounts,
  instancesOfRecord,
  instanceView,
  isParticipant,
  listInbox,
  takesPartInApprovals,
} from './runtime/flow-queries';
export { createFlowService, type FlowService, type FlowServiceOptions, type StartInput } from './runtime/flow-service';
export { type InstanceRow, readInstance } from './runtime/instance-store';
export { MAIL_QUEUE, type MailSettings } from './runtime/mail';
export { flowRecordLock } from './runtime/record-lock';
export { nextTick, planClockTriggers, SCHEDULE_QUEUE } from './runtime/scheduled-triggers';
export {
  createWebhookReceiver,
  rotateWebhookSecret,
  signWebhook,
  verifyWebhook,
  type WebhookAnswer,
  type WebhookDelivery,
  type WebhookReceiver,
} from './runtime/webhooks';
export { addBusinessHours, type WorkCalendar } from './runtime/work-calendar';
