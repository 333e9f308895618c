import type { ApproverRule, FlowNode } from '@tessera/schemas';
import type { FlowT } from '../i18n/use-flow-t';

/** One approver rule in a few words ("Department head, 1 level(s) up"), for the canvas cards. */
export function ruleSummary(t: FlowT, rule: ApproverRule, roleName: (id: string) => string): string {
  const kind = t(`flows.rule.${rule.kind}`);
  if (rule.kind === 'role' && rule.role) return `${kind}: ${roleName(rule.role)}`;
  if (rule.kind === 'department_head') return `${kind}, ${t('flows.rule.levels', { levels: rule.levels ?? 1 })}`;
  if (rule.kind === 'head_chain') return `${kind}, ${t('flows.rule.untilLevel', { levels: rule.levels ?? 1 })}`;
  if (rule.kind === 'user') return `${kind} (${rule.users?.length ?? 0})`;
  if (rule.kind === 'user_field' && rule.field) return `${kind}: ${rule.field}`;
  return kind;
}

/** What a card says under its name: who approves, the branch's condition, how long it waits… */
export function nodeSummary(t: FlowT, node: FlowNode, roleName: (id: string) => string): string {
  if (node.approvers) return node.approvers.map((r) => ruleSummary(t, r, roleName)).join('; ');
  if (node.kind === 'branch') return node.when ?? t('flows.otherwise');
  if (node.kind === 'delay') return node.dateField ? `→ ${node.dateField}` : `${node.hours ?? 0} h`;
  if (node.kind === 'update_record' || node.kind === 'create_record' || node.kind === 'update_many') return Object.keys(node.values ?? {}).join(', ');
  if (node.kind === 'http') return node.url ?? '';
  if (node.kind === 'end') return t(node.outcome === 'rejected' ? 'flows.end.rejected' : 'flows.end.approved');
  return '';
}
