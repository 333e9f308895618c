import type { AppDocument } from '@tessera/schemas';

export const APP_ID = 'approvals';
export const OBJECT_ID = 'expense';
export const FLOW_ID = 'expense_approval';

/** Submit → manager → finance: the three-step approval B5 runs ten thousand times. */
export function approvalApp(manager: string, finance: string): AppDocument {
  return {
    id: APP_ID,
    label: { en: 'Expenses' },
    objects: [
      {
        id: OBJECT_ID,
        label: { en: 'Expense' },
        displayField: 'title',
        fields: [
          { id: 'title', type: 'text', label: { en: 'Title' } },
          { id: 'amount', type: 'currency', label: { en: 'Amount' } },
        ],
      },
    ],
    flows: [
      {
        id: FLOW_ID,
        label: { en: 'Expense approval' },
        object: OBJECT_ID,
        trigger: { kind: 'submit' },
        nodes: [
          { id: 'manager', kind: 'approval', approvers: [{ kind: 'user', users: [manager] }] },
          { id: 'finance', kind: 'approval', approvers: [{ kind: 'user', users: [finance] }] },
        ],
      },
    ],
  };
}
