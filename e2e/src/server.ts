import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTestDatabase } from '@tessera/db/testing';
import { ensureFirstAdmin } from '@tessera/identity';
import { buildServer } from '@tessera/server';

/**
 * The built SPA the server serves; e2e tests never build it themselves (too slow per test).
 * `E2E_WEB_ROOT` points at another build (`vite build --outDir …`), so parallel work on the web
 * app can test its own build without replacing the one another run is serving.
 */
export const WEB_ROOT = process.env.E2E_WEB_ROOT ?? fileURLToPath(new URL('../../apps/web/dist/', import.meta.url));

/** Fails with the command to run instead of a confusing 404 page in a screenshot. */
export function assertWebBuilt(): void {
  if (!existsSync(join(WEB_ROOT, 'index.html'))) {
    throw new Error(
      `apps/web/dist/index.html is missing (looked in ${WEB_ROOT}). Build the web app before the end-to-end tests: pnpm --filter @tessera/web build`,
    );
  }
}

/** The first administrator of every test database. Test-only credentials, never a real deployment's. */
export const E2E_ADMIN = { email: 'admin@e2e.test', password: 'e2e admin password' } as const;

export interface RunningServer {
  /** e.g. `http://127.0.0.1:41234`, no trailing slash. */
  baseUrl: string;
  /** Stops the server and drops its database. */
  close(): Promise<void>;
}

/** A Tessera server on a free port with a fresh database of its own (and its first admin, E2E_ADMIN), serving the built SPA. */
export async function startServer(): Promise<RunningServer> {
  assertWebBuilt();
  const database = await createTestDatabase();
  // The Fastify instance, typed through buildServer so this package needs no fastify dependency.
  let server: Awaited<ReturnType<typeof buildServer>> | null = null;
  try {
    await ensureFirstAdmin(database.db, E2E_ADMIN);
    server = await buildServer({ database, webRoot: WEB_ROOT, logger: false });
    const address = await server.listen({ port: 0, host: '127.0.0.1' });
    const running = server;
    return {
      baseUrl: address.replace(/\/$/, ''),
      async close() {
        await running.close();
        await database.drop();
      },
    };
  } catch (error) {
    await server?.close().catch(() => undefined);
    await database.drop();
    throw error;
  }
}
