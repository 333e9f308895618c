import type { SystemTables } from '@tessera/db';
import type { Kysely } from 'kysely';
import { IdentityError } from './identity-error';
import { newToken, tokenDigest } from './secrets';

type Db = Kysely<SystemTables>;

/**
 * Integration tokens act as the user who made them (with that user's roles) until revoked.
 * The token is returned once; only its digest is kept.
 */
export interface TokenScope {
  appId: string;
  roles: string[];
}

export async function createApiToken(db: Db, userId: string, name: string, scope: TokenScope | null = null): Promise<{ id: string; token: string }> {
  const token = newToken('tsk');
  const row = await db
    .insertInto('api_tokens')
    .values({ user_id: userId, name, token_hash: tokenDigest(token), scope_app_id: scope?.appId ?? null, scope_roles: scope?.roles ?? null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, token };
}

export async function listApiTokens(db: Db, userId: string) {
  const rows = await db
    .selectFrom('api_tokens')
    .select(['id', 'name', 'created_at', 'last_used_at', 'revoked_at', 'scope_app_id', 'scope_roles'])
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    createdAt: r.created_at.toISOString(),
    lastUsedAt: r.last_used_at?.toISOString() ?? null,
    revokedAt: r.revoked_at?.toISOString() ?? null,
    scope: r.scope_app_id ? { appId: r.scope_app_id, roles: r.scope_roles ?? [] } : null,
  }));
}

export async function revokeApiToken(db: Db, userId: string, id: string): Promise<void> {
  const result = await db
    .updateTable('api_tokens')
    .set({ revoked_at: new Date() })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) throw new IdentityError('identity.token_not_found');
}
