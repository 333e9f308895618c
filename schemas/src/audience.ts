/** Who is looking, as far as an audience (a dashboard's, a widget's, a menu entry's) goes: the roles they hold in the app. */
export interface Viewer {
  roles: readonly string[];
  isAdmin: boolean;
}

/**
 * An audience is a list of roles; none listed means everyone, and administrators see everything.
 * The one definition: the report service enforces it on data, the runtime menu offers by it.
 */
export function seesAudience(roles: readonly string[] | undefined, viewer: Viewer | undefined | null): boolean {
  if (!viewer || viewer.isAdmin || !roles || roles.length === 0) return true;
  return roles.some((role) => viewer.roles.includes(role));
}

/**
 * The document as one person may read it: list views shown to roles they do not hold are left
 * out, so a role-restricted view's configuration never reaches them (the live document's route),
 * and a menu entry opening one is dropped with it (the runtime menu skips unknown views).
 */
export function documentForViewer<T extends { objects: readonly { views?: readonly { roles?: readonly string[] }[] }[] }>(document: T, viewer: Viewer): T {
  if (viewer.isAdmin) return document;
  const objects = document.objects.map((object) =>
    object.views?.some((view) => !seesAudience(view.roles, viewer))
      ? { ...object, views: object.views.filter((view) => seesAudience(view.roles, viewer)) }
      : object,
  );
  return { ...document, objects };
}
