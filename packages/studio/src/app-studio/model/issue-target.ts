import type { AppDocument } from '@tessera/schemas';
import type { Selection, StudioTab } from './studio-store';

/** Where a validation problem is fixed: the element its JSON pointer names, and the tab that shows it. */
export interface IssueTarget {
  selection: Selection;
  tab: StudioTab;
}

/** `/objects/2/fields/5/target` selects that field; `/forms/0/nodes/3/field` that node of the form; `/flows/1/nodes/4/when` that node of the flow; `/roles/0/…` that role; others their object. */
export function issueTarget(document: AppDocument, pointer: string): IssueTarget | null {
  const [section, first, part, second] = pointer.split('/').slice(1);
  const at = (value: string | undefined) => (value !== undefined && /^\d+$/.test(value) ? Number(value) : -1);
  if (section === 'objects') {
    const object = document.objects[at(first)];
    if (!object) return null;
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
  if (section === 'navigation') return { selection: { objectId: document.objects[0]?.id ?? null, fieldId: null, nodeId: null }, tab: 'navigation' };
  if (section === 'roles') {
    const role = document.roles?.[at(first)];
    if (!role) return null;
    const objectId = (part === 'permissions' ? role.permissions?.[at(second)]?.object : undefined) ?? document.objects[0]?.id ?? null;
    return { selection: { objectId, fieldId: null, nodeId: null, roleId: role.id }, tab: 'roles' };
  }
  return null;
}
