import type { ApproverRule } from '@tessera/schemas';
import type { DirectorySnapshot } from './directory';

export interface ResolveContext {
  directory: DirectorySnapshot;
  appId: string;
  initiator: string;
  record: Record<string, unknown> | null;
  chosen: readonly string[] | undefined;
}

/**
 * The heads above the initiator, nearest first: the head of their department (or, when they head
 * it themselves, of the one above), then each department further up. A department without a head
 * is passed over.
 */
function headsAbove(context: ResolveContext, levels: number): string[] {
  const { directory, initiator } = context;
  const heads: string[] = [];
  let department = directory.departmentOf.get(initiator) ?? null;
  const seen = new Set<string>();
  while (department && !seen.has(department) && heads.length < levels) {
    seen.add(department);
    const head = directory.headOf.get(department) ?? null;
    if (head && head !== initiator && !heads.includes(head)) heads.push(head);
    department = directory.parentOf.get(department) ?? null;
  }
  return heads;
}

function usersOf(rule: ApproverRule, context: ResolveContext): string[] {
  switch (rule.kind) {
    case 'user':
      return [...(rule.users ?? [])];
    case 'role':
      return [...(context.directory.members.get(`${context.appId}:${rule.role}`) ?? [])];
    case 'department_head': {
      // The Nth head up; where the chart ends below N, the highest head there is.
      const heads = headsAbove(context, rule.levels ?? 1);
      return heads.length ? [heads[Math.min(rule.levels ?? 1, heads.length) - 1]!] : [];
    }
    case 'head_chain':
      return headsAbove(context, rule.levels ?? 1);
    case 'user_field': {
      const value = context.record?.[rule.field ?? ''];
      return typeof value === 'string' ? [value] : [];
    }
    case 'chosen':
      return [...(context.chosen ?? [])];
    case 'initiator':
      return [context.initiator];
  }
}

/** Approver rules → the active people they name, in the order of the rules, nobody twice. */
export function resolveApprovers(rules: readonly ApproverRule[], context: ResolveContext): string[] {
  const out: string[] = [];
  for (const rule of rules) for (const user of usersOf(rule, context)) if (context.directory.active.has(user) && !out.includes(user)) out.push(user);
  return out;
}
