import type { ObjectDefinition } from '@tessera/schemas';
import type { ApprovalRecord } from '../approvals/approvals-api';
import type { FieldRestrictions } from './field-access';

/**
 * The form of an approver filling in what their step asks: the step's editable and required
 * fields open, every other field read-only, the step's hidden fields hidden on top of the role's
 * — the same rule the server enforces (approval-access.ts).
 */
export function approverAccess(object: ObjectDefinition, role: FieldRestrictions, step: ApprovalRecord['fields']): FieldRestrictions {
  const open = new Set(step.deciding ? [...step.editable, ...step.required] : []);
  return {
    hiddenFields: [...new Set([...role.hiddenFields, ...step.hidden])],
    readOnlyFields: object.fields.map((f) => f.id).filter((id) => !open.has(id)),
    requiredFields: step.deciding ? step.required : [],
  };
}
