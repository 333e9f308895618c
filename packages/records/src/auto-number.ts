import { sequenceRegclass } from '@tessera/meta';
import { type RawBuilder, sql } from 'kysely';

/**
 * An auto-number format like `CUS-{YYYY}{MM}-{0000}` as one SQL expression: literal parts,
 * date parts of now(), and the next value of the field's sequence padded to the zeros' width.
 * Computed inside the INSERT, so two concurrent creates never get the same number.
 */
export function autoNumberExpression(appId: string, objectId: string, fieldId: string, format: string | undefined): RawBuilder<string> {
  const next = sql`nextval(${sequenceRegclass(appId, objectId, fieldId)}::regclass)`;
  const tokens = (format ?? '{0}').split(/(\{[^}]*\})/).filter(Boolean);
  let hasCounter = false;
  const parts = tokens.map((token): RawBuilder<unknown> => {
    const inner = /^\{([^}]*)\}$/.exec(token)?.[1];
    if (inner === undefined) return sql`${token}::text`;
    if (/^0+$/.test(inner)) {
      hasCounter = true;
      return sql`lpad(${next}::text, ${inner.length}, '0')`;
    }
    if (['YYYY', 'YY', 'MM', 'DD'].includes(inner)) return sql`to_char(now(), ${inner})`;
    return sql`${token}::text`;
  });
  if (!hasCounter) parts.push(sql`${next}::text`);
  return sql<string>`concat(${sql.join(parts)})`;
}
