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
