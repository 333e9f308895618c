import type { AppDocument } from '@tessera/schemas';
import type { Selection, StudioTab } from './studio-store';

/** Where a validation problem is fixed: the element its JSON pointer names, and the tab that shows it. */
export interface IssueTarget {
  selection: Selection;
  tab: StudioTab;
}

/** `/objects/2/fields/5/target` selects that field; `/objects/0/views/1/sort/0/field` that list view; `/forms/0/nodes/3/field` that node of the form; `/flows/1/nodes/4/when` that node of the flow; `/roles/0/…` that role; a dashboard's widget, or the first widget showing a report; others their object. */
export function issueTarget(document: AppDocument, pointer: string): IssueTarget | null {
  const [section, first, part, second] = pointer.split('/').slice(1);
  const at = (value: string | undefined) => (value !== undefined && /^\d+$/.test(value) ? Number(value) : -1);
  if (section === 'objects') {
    const object = document.objects[at(first)];
    if (!object) return null;
    const view = part === 'views' ? object.views?.[at(second)] : undefined;
    if (view) return { selection: { objectId: object.id, fieldId: null, nodeId: null, viewId: view.id }, tab: 'views' };
    const field = part === 'fields' ? object.fields[at(second)] : undefined;
    return { selection: { objectId: object.id, fieldId: field?.id ?? null, nodeId: null }, tab: 'fields' };
  }
  if (section === 'forms') {
    const form = document.forms?.[at(first)];
    if (!form) return null;
    const node = part === 'nodes' ? form.nodes[at(second)] : undefined;
    return {
      selection: { objectId: form.object, fieldId: node?.kind === 'field' ? (node.field ?? null) : null, nodeId: node?.id ?? null },
      tab: part === 'rules' ? 'rules' : 'form',
    };
  }
  if (section === 'flows') {
    const flow = document.flows?.[at(first)];
    if (!flow) return null;
    const node = part === 'nodes' ? flow.nodes[at(second)] : undefined;
    return { selection: { objectId: flow.object, fieldId: null, nodeId: null, flowId: flow.id, flowNodeId: node?.id ?? null }, tab: 'flows' };
  }
  if (section === 'dashboards' || section === 'reports') return dashboardTarget(document, section, at(first), part === 'widgets' ? at(second) : -1);
  if (section === 'navigation') return { selection: { objectId: document.objects[0]?.id ?? null, fieldId: null, nodeId: null }, tab: 'navigation' };
  if (section === 'roles') {
    const role = document.roles?.[at(first)];
    if (!role) return null;
    const objectId = (part === 'permissions' ? role.permissions?.[at(second)]?.object : undefined) ?? document.objects[0]?.id ?? null;
    return { selection: { objectId, fieldId: null, nodeId: null, roleId: role.id }, tab: 'roles' };
  }
  return null;
}

/** A dashboard widget (`/dashboards/0/widgets/2`), or the first widget that shows a report (`/reports/4`): reports are edited through their widgets. */
function dashboardTarget(document: AppDocument, section: 'dashboards' | 'reports', index: number, widgetIndex: number): IssueTarget | null {
  const objectId = document.objects[0]?.id ?? null;
  const found =
    section === 'dashboards'
      ? { dashboard: document.dashboards?.[index], widget: document.dashboards?.[index]?.widgets[widgetIndex] }
      : (document.dashboards ?? [])
          .map((dashboard) => ({ dashboard, widget: dashboard.widgets.find((w) => w.report !== undefined && w.report === document.reports?.[index]?.id) }))
          .find((d) => d.widget !== undefined);
  if (!found?.dashboard) return null;
  const report = document.reports?.find((r) => r.id === found.widget?.report);
  return {
    selection: { objectId: report?.object ?? objectId, fieldId: null, nodeId: null, dashboardId: found.dashboard.id, widgetId: found.widget?.id ?? null },
    tab: 'dashboards',
  };
}
