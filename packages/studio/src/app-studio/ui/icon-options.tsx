import { NAVIGATION_ICONS, type NavigationIcon } from '@tessera/schemas';
import { NAVIGATION_ICON_COMPONENTS } from '@tessera/ui/navigation-icons';

function IconOf({ icon }: { icon: NavigationIcon }) {
  const Icon = NAVIGATION_ICON_COMPONENTS[icon];
  return (
    <span title={icon}>
      <Icon />
    </span>
  );
}

/** A Select's options for an icon: none (the value ''), then every icon the document may name, drawn. */
export function iconOptions(noIcon: string) {
  return [{ value: '', label: noIcon }, ...NAVIGATION_ICONS.map((icon) => ({ value: icon, label: <IconOf icon={icon} /> }))];
}
