/**
 * TESSERA_PROCESS: what one process of a deployment does (docs/deployment.md).
 * - all (default): serves HTTP and runs the background work (jobs, scheduled flows, event delivery);
 * - web: serves HTTP only; its writes wake the workers by NOTIFY;
 * - worker: runs the background work only, with no HTTP port.
 * Any number of each share one PostgreSQL: jobs are claimed with SKIP LOCKED, so each runs once.
 */
export type ProcessRole = 'all' | 'web' | 'worker';

const ROLES: readonly ProcessRole[] = ['all', 'web', 'worker'];

/** The role named by TESSERA_PROCESS; a typo stops the start rather than meaning "all". */
export function processRoleFromEnv(text: string | undefined, databaseUrl: string | undefined): ProcessRole {
  const role = (text === undefined || text === '' ? 'all' : text) as ProcessRole;
  if (!ROLES.includes(role)) throw new Error(`TESSERA_PROCESS must be one of ${ROLES.join(', ')} (got "${text}")`);
  // The embedded database belongs to one process: separate web and worker processes need a server.
  if (role !== 'all' && !databaseUrl) throw new Error(`TESSERA_PROCESS=${role} needs DATABASE_URL (a PostgreSQL server the processes share)`);
  return role;
}
