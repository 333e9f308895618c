/** Why a flow command was refused; translated at the edge (messages.ts), like RecordError. */
export type FlowErrorCode =
  | 'flow.not_found'
  | 'flow.not_running'
  | 'flow.no_task'
  | 'flow.fields_required'
  | 'flow.attachment_unknown'
  | 'flow.task_ambiguous'
  | 'flow.not_initiator'
  | 'flow.withdraw_closed'
  | 'flow.return_target'
  | 'flow.not_returned'
  | 'flow.already_approver'
  | 'flow.already_running'
  | 'flow.disabled'
  | 'flow.record_locked'
  | 'flow.start_refused'
  | 'flow.conflict'
  | 'flow.forbidden'
  | 'flow.webhook_signature'
  | 'flow.webhook_not_found'
  | 'flow.delegate_self'
  | 'flow.delegate_unknown'
  | 'flow.delegation_period'
  | 'flow.delegation_scope';

const STATUS: Record<FlowErrorCode, number> = {
  'flow.not_found': 404,
  'flow.not_running': 409,
  'flow.no_task': 403,
  'flow.fields_required': 422,
  'flow.attachment_unknown': 422,
  'flow.task_ambiguous': 400,
  'flow.not_initiator': 403,
  'flow.withdraw_closed': 409,
  'flow.return_target': 400,
  'flow.not_returned': 409,
  'flow.already_approver': 409,
  'flow.already_running': 409,
  'flow.disabled': 409,
  'flow.record_locked': 423,
  'flow.start_refused': 422,
  'flow.conflict': 409,
  'flow.forbidden': 403,
  'flow.webhook_signature': 401,
  'flow.webhook_not_found': 404,
  'flow.delegate_self': 422,
  'flow.delegate_unknown': 422,
  'flow.delegation_period': 422,
  'flow.delegation_scope': 400,
};

export class FlowError extends Error {
  readonly status: number;
  constructor(
    readonly code: FlowErrorCode,
    readonly params: Record<string, string | number | null> = {},
  ) {
    super(code);
    this.name = 'FlowError';
    this.status = STATUS[code];
  }
}
