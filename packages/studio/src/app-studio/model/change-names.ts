import type { AppDocument, LocalizedText } from '@tessera/schemas';

type Label = (text: LocalizedText | undefined, fallback: string) => string;

/** How a review line names what it is about: by its label in the admin's language, by its id when the document no longer has it. */
export interface ChangeNames {
  object(id: string): string;
  form(id: string): string;
  role(id: string): string;
}

export const ID_NAMES: ChangeNames = { object: (id) => id, form: (id) => id, role: (id) => id };

/** Names from `documents` in order (the draft, then the version it replaces): a form removed by the draft keeps its old label. */
export function changeNames(documents: readonly (AppDocument | null | undefined)[], label: Label): ChangeNames {
  const find = <T extends { id: string; label?: LocalizedText }>(pick: (d: AppDocument) => readonly T[] | undefined, id: string): string => {
    for (const document of documents) {
      const found = document && pick(document)?.find((item) => item.id === id);
      if (found) return label(found.label, id);
    }
    return id;
  };
  return {
    object: (id) => find((d) => d.objects, id),
    form: (id) => find((d) => d.forms, id),
    role: (id) => find((d) => d.roles, id),
  };
}
