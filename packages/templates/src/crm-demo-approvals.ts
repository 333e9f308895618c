import type { DemoApproval } from './template';

const discount = (values: Record<string, unknown>) => Number(values.discount ?? 0);

/**
 * The approvals a newcomer finds in the demo CRM: a big discount waiting for the director after
 * the manager said yes, one waiting for the manager, one returned to its rep with a question,
 * a contract waiting for its first approval, and one approved all the way (legal copied). A step
 * the record's path does not reach (the director, for a contract under a million) is skipped.
 */
export const CRM_DEMO_APPROVALS: DemoApproval[] = [
  {
    flow: 'quote_discount',
    object: 'quote',
    owner: 'chen.jing',
    pick: (values) => discount(values) > 30,
    steps: [{ by: 'wang.lei', action: 'approve', comment: '战略客户，同意，请总监定夺' }],
  },
  { flow: 'quote_discount', object: 'quote', owner: 'li.qiang', pick: (values) => discount(values) > 15, steps: [] },
  {
    flow: 'quote_discount',
    object: 'quote',
    owner: 'chen.jing',
    pick: (values) => discount(values) > 15 && discount(values) <= 30,
    steps: [{ by: 'wang.lei', action: 'return', comment: '请补充竞品报价对比，再提交' }],
  },
  { flow: 'contract_approval', object: 'contract', owner: 'li.qiang', pick: (values) => values.status === 'draft', steps: [] },
  {
    flow: 'contract_approval',
    object: 'contract',
    owner: 'chen.jing',
    pick: (values) => values.status === 'draft',
    steps: [
      { by: 'wang.lei', action: 'approve', comment: '条款已确认' },
      { by: 'liu.yang', action: 'approve', comment: '同意签约' },
      { by: 'zhao.min', action: 'approve', comment: '付款条件符合公司政策' },
    ],
  },
];
