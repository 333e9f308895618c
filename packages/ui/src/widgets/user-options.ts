import type { DirectoryUser } from './widget-api';

export interface UserOption {
  value: string;
  label: string;
}

/** "Wang Wei <wang.wei@example.com>": the name alone is ambiguous in a large company. */
export function userLabel(user: Pick<DirectoryUser, 'name' | 'email'>): string {
  return user.email ? `${user.name} <${user.email}>` : user.name;
}

/** The found people as options, the selected one kept first so the select never shows a bare id. */
export function userOptions(found: readonly DirectoryUser[], selected: DirectoryUser | null | undefined): UserOption[] {
  const options = found.map((u) => ({ value: u.id, label: userLabel(u) }));
  if (selected && !found.some((u) => u.id === selected.id)) options.unshift({ value: selected.id, label: userLabel(selected) });
  return options;
}
