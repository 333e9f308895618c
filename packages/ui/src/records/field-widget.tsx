import type { Locale } from '@tessera/i18n';
import type { FieldDefinition, ObjectDefinition } from '@tessera/schemas';
import { DatePicker, Input, InputNumber, Select, Switch } from 'antd';
import type { ReactElement } from 'react';
import type { RecordData } from '../api/types';
import { localized } from '../i18n/localized';
import { ChildTable } from '../widgets/child-table/child-table';
import { DepartmentSelect } from '../widgets/department-select';
import { FileUpload } from '../widgets/file-upload';
import { RegionCascader } from '../widgets/region-cascader';
import { RichTextInput } from '../widgets/rich-text-input';
import { SignatureInput } from '../widgets/signature-input';
import { fileSource } from '../widgets/use-file-source';
import { UserSelect } from '../widgets/user-select';
import { RelationSelect, recordRelation } from './relation-select';

export interface WidgetContext {
  appId: string;
  locale: Locale;
  /** The record being edited (for relation display text); null when creating. */
  record: RecordData | null;
  objects: readonly ObjectDefinition[];
  /** A preview of a draft in the studio: it may read, never write, so files are not uploaded. */
  preview?: boolean;
}

/**
 * The input for one editable field. A function returning the antd element itself (not a
 * wrapper component), so Form.Item can hand it `value`, `onChange` and `id` directly.
 *
 * Client-side checks stay minimal on purpose: the server validates every value and answers in
 * the user's language, and its messages land on these items (see use-record-editor.ts).
 */
export function fieldWidget(field: FieldDefinition, ctx: WidgetContext): ReactElement {
  const options = (field.options ?? []).map((o) => ({ value: o.value, label: localized(o.label, ctx.locale, o.value) }));
  switch (field.type) {
    case 'long_text':
      return <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} />;
    case 'rich_text':
      return <RichTextInput />;
    case 'number':
      return <InputNumber<string> stringMode style={{ width: '100%' }} />;
    case 'currency':
      return <InputNumber<string> stringMode style={{ width: '100%' }} prefix={field.currency ?? 'CNY'} />;
    case 'percent':
      return <InputNumber<string> stringMode style={{ width: '100%' }} suffix="%" />;
    case 'date':
      return <DatePicker style={{ width: '100%' }} />;
    case 'datetime':
      return <DatePicker showTime style={{ width: '100%' }} />;
    case 'select':
      return <Select allowClear options={options} />;
    case 'multi_select':
      return <Select mode="multiple" allowClear options={options} />;
    case 'checkbox':
      return <Switch />;
    case 'relation':
      return <RelationSelect appId={ctx.appId} target={ctx.objects.find((o) => o.id === field.target) ?? null} named={recordRelation(ctx.record, field.id)} />;
    case 'user':
      return <UserSelect />;
    case 'child_table':
      return <ChildTable field={field} ctx={ctx} inputFor={fieldWidget} />;
    case 'department':
      return <DepartmentSelect />;
    case 'signature':
      return <SignatureInput />;
    case 'region':
      return <RegionCascader field={field} currentLabel={ctx.record?._display?.[field.id]} />;
    case 'attachment':
    case 'image':
      // Links and thumbnails go through the saved record, which the download route checks access on.
      return <FileUpload field={field} source={fileSource(ctx.appId, ctx.objects, field, ctx.record)} disabled={ctx.preview === true} />;
    case 'email':
      return <Input type="email" inputMode="email" autoComplete="off" />;
    case 'phone':
      return <Input type="tel" inputMode="tel" autoComplete="off" />;
    case 'url':
      return <Input inputMode="url" autoComplete="off" />;
    default:
      return <Input autoComplete="off" />;
  }
}
