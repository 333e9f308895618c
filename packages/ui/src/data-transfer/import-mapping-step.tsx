import { Flex, InputNumber, Radio, Select, Table, Typography } from 'antd';
import { localized } from '../i18n/localized';
import { useT } from '../i18n/use-t';
import { useSessionStore } from '../stores/session-store';
import { dedupKeyOptions, ruleKeyValue } from './dedup-key-options';
import type { ImportPreview } from './imports-api';
import { storedSample } from './stored-sample';
import type { ImportWizardState } from './use-import-wizard';

/** The first samples of a column, each with the value the import will store where that differs (stored-sample.ts). */
function ColumnSamples({ samples, field }: { samples: unknown[]; field: ImportPreview['fields'][number] | undefined }) {
  const t = useT();
  const shown = samples
    .map((value) => storedSample(field, value))
    .filter((s) => s.cell !== '')
    .slice(0, 3);
  return (
    <Flex vertical gap={0}>
      {shown.map((s, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: samples are fixed rows of the file, in order
        <Typography.Text key={i} type="secondary">
          {s.cell}
          {s.stored !== undefined && (
            <Typography.Text type="success" data-testid="import-stored-sample" title={t('import.storedAs')}>
              {' → '}
              {s.stored ?? t('import.storedBlank')}
            </Typography.Text>
          )}
        </Typography.Text>
      ))}
    </Flex>
  );
}

/** Sheet and header row, then one row per column of the file with the field it fills; how duplicates go; all or the valid rows. */
export function ImportMappingStep({ wizard }: { wizard: ImportWizardState }) {
  const t = useT();
  const locale = useSessionStore((s) => s.locale);
  const { preview, choices, setChoices } = wizard;
  if (!preview) return null;
  const fieldOptions = [
    { value: '', label: t('import.skipColumn') },
    ...preview.fields.map((f) => ({ value: f.id, label: `${localized(f.label, locale, f.id)}${f.required ? ' *' : ''}` })),
  ];
  const keys = dedupKeyOptions(preview, choices.mapping);
  const keyOptions = [
    { value: '', label: t('import.dedup.none') },
    ...keys.fields.map((f) => ({ value: f.id, label: localized(f.label, locale, f.id) })),
    ...keys.rules.map((r) => ({ value: ruleKeyValue(r), label: t('import.dedup.rule', { rule: localized(r.label, locale, r.id) }) })),
  ];
  return (
    <Flex vertical gap={12}>
      <Flex gap={16} wrap align="center">
        {preview.sheets.length > 1 && (
          <Flex gap={4} align="center">
            <span>{t('import.sheet')}</span>
            <Select
              aria-label={t('import.sheet')}
              data-testid="import-sheet"
              value={preview.sheet}
              style={{ minWidth: 140 }}
              options={preview.sheets.map((s) => ({ value: s.index, label: s.name }))}
              onChange={(sheet: number) => wizard.choose({ sheet })}
            />
          </Flex>
        )}
        <Flex gap={4} align="center">
          <span>{t('import.headerRow')}</span>
          <InputNumber
            aria-label={t('import.headerRow')}
            data-testid="import-header-row"
            min={1}
            value={preview.headerRow}
            onChange={(row) => row && wizard.choose({ headerRow: row })}
          />
        </Flex>
      </Flex>
      <Table
        size="small"
        rowKey="column"
        pagination={false}
        scroll={{ y: 320 }}
        dataSource={preview.columns}
        columns={[
          { title: t('import.column'), dataIndex: 'title', width: '30%' },
          {
            title: t('import.samples'),
            key: 'samples',
            render: (_, c) => <ColumnSamples samples={c.samples} field={preview.fields.find((f) => f.id === choices.mapping[c.column])} />,
          },
          {
            title: t('import.field'),
            key: 'field',
            width: '35%',
            render: (_, c) => (
              <Select
                data-testid={`import-map-${c.column}`}
                style={{ width: '100%' }}
                value={choices.mapping[c.column] ?? ''}
                options={fieldOptions}
                onChange={(field: string) => setChoices((x) => ({ ...x, mapping: { ...x.mapping, [c.column]: field || null } }))}
              />
            ),
          },
        ]}
      />
      <Flex gap={8} wrap align="center">
        <span>{t('import.dedup')}</span>
        <Select
          data-testid="import-dedup-field"
          style={{ minWidth: 180 }}
          value={choices.dedupKey ?? ''}
          options={keyOptions}
          onChange={(key: string) => setChoices((x) => ({ ...x, dedupKey: key || null }))}
        />
        {choices.dedupKey && (
          <Radio.Group
            data-testid="import-dedup-mode"
            value={choices.dedupMode}
            onChange={(e) => setChoices((x) => ({ ...x, dedupMode: e.target.value }))}
            options={[
              { value: 'skip', label: t('import.dedup.skip') },
              { value: 'update', label: t('import.dedup.update') },
              { value: 'create', label: t('import.dedup.create') },
            ]}
          />
        )}
      </Flex>
      <Radio.Group
        value={choices.atomicity}
        onChange={(e) => setChoices((x) => ({ ...x, atomicity: e.target.value }))}
        options={[
          { value: 'valid', label: t('import.atomicity.valid') },
          { value: 'all', label: t('import.atomicity.all') },
        ]}
      />
    </Flex>
  );
}
