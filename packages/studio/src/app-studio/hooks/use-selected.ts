import type { FieldDefinition, FormDefinition, FormNode, ObjectDefinition } from '@tessera/schemas';
import { designedForm } from '../model/form-edits';
import { useStudio } from './studio-context';

/** The selected object, field, form node and the object's form, read from the draft. */
export function useSelected(): { object: ObjectDefinition | null; field: FieldDefinition | null; node: FormNode | null; form: FormDefinition | null } {
  const document = useStudio((s) => s.document);
  const selection = useStudio((s) => s.selection);
  const object = document?.objects.find((o) => o.id === selection.objectId) ?? null;
  const form = document && object ? designedForm(document, object.id, selection.formId ?? null) : null;
  return {
    object,
    form,
    field: object?.fields.find((f) => f.id === selection.fieldId) ?? null,
    node: form?.nodes.find((n) => n.id === selection.nodeId) ?? null,
  };
}
