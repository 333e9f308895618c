import type { FieldType } from '@tessera/schemas';
import { useSessionStore } from '@tessera/ui';
import { Alert, Typography } from 'antd';
import type { TypeChange } from '../api/studio-api';
import { useFieldName } from '../i18n/use-field-name';
import { useStudioT } from '../i18n/use-studio-t';

const quoted = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

/**
 * What a type change does to the stored rows, as counted by the server with the publish DDL's own
 * cast: how many convert, become blank and cannot convert (publish is refused while any cannot),
 * with examples of each. The field panel and the publish review show the same words.
 */
export function TypeChangeSummary({ change, name }: { change: TypeChange; name?: string }) {
  const t = useStudioT();
  const locale = useSessionStore((s) => s.locale);
  const count = (n: number) => n.toLocaleString(locale);
  // The server names field types from the same closed list the studio's messages cover.
  const typeName = (type: string) => t(`studio.type.${type as FieldType}`);
  const summary = t('studio.typeChange.summary', {
    from: typeName(change.from),
    to: typeName(change.to),
    converted: count(change.converted),
    blanked: count(change.blanked),
    failing: count(change.failing),
    rows: count(change.rows),
  });
  const { examples } = change;
  return (
    <Alert
      type={change.failing > 0 ? 'error' : change.blanked > 0 ? 'warning' : 'info'}
      showIcon
      style={{ marginBottom: 8 }}
      data-testid="type-change-summary"
      title={name ? `${name}: ${summary}` : summary}
      description={
        <>
          {examples.failing.length > 0 && (
            <Typography.Paragraph style={{ margin: 0 }} data-testid="type-change-failing">
              {t('studio.typeChange.failing', { examples: quoted(examples.failing) })}
            </Typography.Paragraph>
          )}
          {examples.blanked.length > 0 && (
            <Typography.Paragraph style={{ margin: 0 }}>{t('studio.typeChange.blanked', { examples: quoted(examples.blanked) })}</Typography.Paragraph>
          )}
          {examples.converted.length > 0 && (
            <Typography.Paragraph style={{ margin: 0 }} type="secondary">
              {t('studio.typeChange.converted', { examples: examples.converted.map((e) => `'${e.before}' → ${e.after}`).join(', ') })}
            </Typography.Paragraph>
          )}
        </>
      }
    />
  );
}

/** The publish review's type changes: one summary per column the publish converts, named by object and field. */
export function TypeChangesList({ changes }: { changes: readonly TypeChange[] }) {
  const t = useStudioT();
  const nameOf = useFieldName();
  if (changes.length === 0) return null;
  return (
    <div data-testid="publish-type-changes">
      <Typography.Title level={5}>{t('studio.typeChange.reviewTitle')}</Typography.Title>
      {changes.map((change) => (
        <TypeChangeSummary key={`${change.object}.${change.field}`} change={change} name={nameOf(change.object, change.field)} />
      ))}
    </div>
  );
}
