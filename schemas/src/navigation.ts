import type { AppDocument, NavigationItem } from './app.schema';

/**
 * The app's menu as the document has it, or — for an app that never set one — one entry per
 * top-level object in document order (child objects such as quote lines live inside their parent's
 * record, not in the menu). The runtime shows it and the studio starts editing from it, so an app
 * without `navigation` keeps the menu it always had.
 */
export function navigationOf(document: AppDocument): NavigationItem[] {
  if (document.navigation && document.navigation.length > 0) return document.navigation;
  return document.objects.filter((object) => !object.parent).map((object) => ({ id: `nav_${object.id}`, object: object.id }));
}
