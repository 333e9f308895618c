import type { AccessPolicy, RecordAction } from './access-policy';

export const RECORD_ACTIONS: readonly RecordAction[] = ['create', 'read', 'update', 'delete', 'import', 'export'];

/** What a policy allows on one object, as plain data a client can render from (hide "Delete", skip a column). */
export interface ObjectAccess {
  actions: RecordAction[];
  hiddenFields: string[];
  readOnlyFields: string[];
}

/**
 * A read-only view of the policy for one object. The policy stays the authority on every
 * request; this only tells a client what not to offer.
 */
export function objectAccess(policy: AccessPolicy, objectId: string): ObjectAccess {
  return {
    actions: RECORD_ACTIONS.filter((action) => policy.can(action, objectId)),
    hiddenFields: [...policy.hiddenFields(objectId)].sort(),
    readOnlyFields: [...policy.readOnlyFields(objectId)].sort(),
  };
}
