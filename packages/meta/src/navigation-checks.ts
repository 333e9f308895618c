import type { AppDocument, NavigationItem } from '@tessera/schemas';
import type { MetaIssue } from './issue';

/**
 * What one menu entry must hold beyond the schema: it leads to one place at most (an object, a
 * dashboard or the inbox), a view belongs to its entry's object, and the roles it is shown to exist.
 */
export function checkNavigationEntry(app: AppDocument, item: NavigationItem, pointer: string): MetaIssue[] {
  const issues: MetaIssue[] = [];
  const targets = [item.object, item.dashboard, item.page].filter((t) => t !== undefined);
  if (targets.length > 1) issues.push({ pointer, code: 'meta.nav_one_target', params: { id: item.id } });
  if (item.view !== undefined) {
    const object = app.objects.find((o) => o.id === item.object);
    if (!item.object) issues.push({ pointer: `${pointer}/view`, code: 'meta.nav_view_without_object', params: { id: item.id } });
    else if (object && !(object.views ?? []).some((v) => v.id === item.view))
      issues.push({ pointer: `${pointer}/view`, code: 'meta.nav_unknown_view', params: { object: object.id, id: item.view } });
  }
  const roles = new Set((app.roles ?? []).map((r) => r.id));
  (item.roles ?? []).forEach((role, r) => {
    if (!roles.has(role)) issues.push({ pointer: `${pointer}/roles/${r}`, code: 'meta.nav_unknown_role', params: { entry: item.id, id: role } });
  });
  return issues;
}
