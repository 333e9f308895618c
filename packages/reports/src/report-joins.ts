import { type ReportHop, type ReportPath, type ResolvedJoin, tableRef } from '@tessera/meta';
import { type RecordContext, rowScopeAt } from '@tessera/records';
import type { ObjectDefinition } from '@tessera/schemas';
import { type RawBuilder, sql } from 'kysely';

/**
 * The records of `object` the viewer may read, as a derived table named `alias` (PostgreSQL pulls
 * it up into the outer query, so it costs nothing): deleted rows out, the row scope in, plus `where`.
 * Conditions compiled inside it name columns without a table, so they cannot clash with a joined table's.
 */
export function readableRows(ctx: RecordContext, object: ObjectDefinition, alias: string, where: readonly RawBuilder<unknown>[] = []): RawBuilder<unknown> {
  const conditions = [sql`${sql.ref(`${alias}.deleted_at`)} is null`, rowScopeAt(ctx, object, alias), ...where];
  return sql`(select * from ${tableRef(ctx.app.appId, object.id)} as ${sql.id(alias)} where ${sql.join(conditions, sql` and `)}) as ${sql.id(alias)}`;
}

/**
 * Left joins to the records the report's paths walk to (a deal's customer), each under the
 * viewer's row scope: a related record they may not read gives blank values, as the records API
 * shows it. A relation points at one record, so these joins never multiply the source's rows.
 */
export class ParentJoins {
  private readonly aliases = new Map<string, string>();
  readonly joins: RawBuilder<unknown>[] = [];

  constructor(
    private readonly ctx: RecordContext,
    private readonly rootAlias: string,
  ) {}

  /** The table alias holding a path's column: the source's, or the last related record's (joined on first use). */
  aliasOf(hops: readonly ReportHop[]): string {
    let alias = this.rootAlias;
    hops.forEach((hop, i) => {
      const key = hops
        .slice(0, i + 1)
        .map((h) => h.field.id)
        .join('.');
      const known = this.aliases.get(key);
      if (known) {
        alias = known;
        return;
      }
      const next = `_p${this.aliases.size + 1}`;
      this.aliases.set(key, next);
      this.joins.push(sql` left join ${readableRows(this.ctx, hop.target, next)} on ${sql.ref(`${next}.id`)} = ${sql.ref(`${alias}.${hop.field.id}`)}`);
      alias = next;
    });
    return alias;
  }

  refOf(path: ReportPath): RawBuilder<unknown> {
    return sql.ref(`${this.aliasOf(path.hops)}.${path.column.id}`);
  }
}

/** The joins from the source to `join`'s records, parents first: each child's relation field equal to its parent's id, every object under its row scope. */
export function joinChainSql(ctx: RecordContext, join: ResolvedJoin, rootAlias: string): RawBuilder<unknown> {
  const chain: ResolvedJoin[] = [];
  for (let at: ResolvedJoin | null = join; at; at = at.parent) chain.unshift(at);
  return sql.join(
    chain.map((link) => {
      const parent = link.parent ? link.parent.object.id : rootAlias;
      const alias = link.object.id;
      return sql` join ${readableRows(ctx, link.object, alias)} on ${sql.ref(`${alias}.${link.via.id}`)} = ${sql.ref(`${parent}.id`)}`;
    }),
    sql``,
  );
}
