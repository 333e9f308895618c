import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { FieldDefinition } from '@tessera/schemas';
import { Button, Flex, Input, Typography } from 'antd';
import { useStudioT } from '../i18n/use-studio-t';
import { newOption } from '../model/new-field';

type Option = NonNullable<FieldDefinition['options']>[number];

interface SelectOptionsEditorProps {
  options: readonly Option[];
  onChange: (next: Option[], merge?: string) => void;
}

/** A select field's options in order: value, label in both languages and colour; reorder, add, remove. */
export function SelectOptionsEditor({ options, onChange }: SelectOptionsEditorProps) {
  const t = useStudioT();
  const change = (index: number, patch: Partial<Option>, merge?: string) =>
    onChange(
      options.map((o, i) => (i === index ? { ...o, ...patch } : o)),
      merge,
    );
  const move = (from: number, to: number) => {
    const next = [...options];
    const [moved] = next.splice(from, 1);
    if (moved) next.splice(to, 0, moved);
    onChange(next);
  };
  const setLabel = (index: number, locale: 'zh-CN' | 'en', text: string) => {
    const label = { ...options[index]?.label };
    if (text) label[locale] = text;
    else delete label[locale];
    change(index, { label }, `option.${index}.${locale}`);
  };
  return (
    <Flex vertical gap={6} data-testid="select-options">
      <Typography.Text strong>{t('studio.field.options')}</Typography.Text>
      {options.map((option, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the value is typed in this row, so it cannot be its key; the row is its position
        <Flex key={index} gap={4} align="center" data-testid={`select-option-${index}`}>
          {/* The browser's own colour input: antd's ColorPicker would pull its panel's code into chunks end users load. */}
          <input
            type="color"
            className="studio-option-color"
            value={option.color ?? '#8c8c8c'}
            onChange={(e) => change(index, { color: e.target.value }, `option.${index}.color`)}
            aria-label={t('studio.field.optionColor')}
          />
          <Input
            size="small"
            style={{ width: 90 }}
            value={option.value}
            aria-label={t('studio.field.optionValue')}
            onChange={(e) => change(index, { value: e.target.value }, `option.${index}.value`)}
          />
          <Input size="small" value={option.label['zh-CN'] ?? ''} aria-label={t('studio.labelZh')} onChange={(e) => setLabel(index, 'zh-CN', e.target.value)} />
          <Input size="small" value={option.label.en ?? ''} aria-label={t('studio.labelEn')} onChange={(e) => setLabel(index, 'en', e.target.value)} />
          <Button
            size="small"
            type="text"
            icon={<ArrowUpOutlined />}
            disabled={index === 0}
            onClick={() => move(index, index - 1)}
            aria-label={t('studio.moveUp')}
          />
          <Button
            size="small"
            type="text"
            icon={<ArrowDownOutlined />}
            disabled={index === options.length - 1}
            onClick={() => move(index, index + 1)}
            aria-label={t('studio.moveDown')}
          />
          <Button
            size="small"
            type="text"
            danger
            icon={<DeleteOutlined />}
            disabled={options.length === 1}
            onClick={() => onChange(options.filter((_, i) => i !== index))}
            aria-label={t('studio.delete')}
          />
        </Flex>
      ))}
      <Button size="small" icon={<PlusOutlined />} onClick={() => onChange([...options, newOption(options)])} data-testid="select-option-add">
        {t('studio.field.addOption')}
      </Button>
    </Flex>
  );
}
