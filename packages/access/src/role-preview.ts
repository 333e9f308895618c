import type { AppDocument, RoleDefinition } from '@tessera/schemas';
import type { AccessPolicy, Actor } from './access-policy';
import { compilePolicy } from './compile-policy';

/**
 * The policy a person would have if `role` — as a draft has it, not yet published — were the
 * only role they held, compiled by the same `compilePolicy` every request uses, over the live
 * document (records exist only for published objects). Never an administrator's policy, and never
 * sharing cached statements with the published role of the same id: its SQL may differ.
 */
export function rolePreviewPolicy(
  live: AppDocument,
  role: RoleDefinition,
  person: Actor & { userId: string; departmentTree: readonly string[] },
): AccessPolicy {
  const policy = compilePolicy({ ...live, roles: [role] }, { ...person, roles: [role.id], isAdmin: false });
  return { ...policy, cacheKey: undefined };
}
