import { translate } from '@tessera/i18n';
import { diffDocuments } from '@tessera/meta/validate';
import type { AppDocument, LocalizedText } from '@tessera/schemas';
import { describe, expect, it } from 'vitest';
import { changeNames } from './change-names';
import '../roles/i18n/role-messages';
import '../i18n/studio-messages';
import { changeText } from './change-text';

const form = (id: string, en: string, zh: string) => ({ id, object: 'customer', label: { en, 'zh-CN': zh }, nodes: [] });
const before: AppDocument = {
  id: 'crm',
  label: { en: 'CRM' },
  objects: [{ id: 'customer', label: { en: 'Customer', 'zh-CN': '客户' }, defaultForm: 'full', fields: [{ id: 'name', type: 'text', label: { en: 'Name' } }] }],
  forms: [form('full', 'Full', '完整'), form('quick', 'Quick', '快速')],
};
const after: AppDocument = { ...before, objects: [{ ...before.objects[0]!, defaultForm: 'quick' }] };

describe('the review line of a changed default form', () => {
  it.each([
    ['en', 'Customer: default form changed from Full to Quick'],
    ['zh-CN', '客户：默认表单由“完整”改为“快速”'],
  ] as const)('%s', (locale, line) => {
    const t = (key: string, params?: Record<string, string | number>) => translate(locale, key, params);
    const label = (text: LocalizedText | undefined, fallback: string) => text?.[locale] ?? fallback;
    const lines = diffDocuments(before, after).map((change) => changeText(change, t, t, changeNames([after, before], label)));
    expect(lines).toEqual([line]);
  });

  it('names "its first form" when no default was named', () => {
    const t = (key: string, params?: Record<string, string | number>) => translate('en', key, params);
    const unnamed = { ...before, objects: [{ ...before.objects[0]!, defaultForm: undefined }] } as AppDocument;
    const [change] = diffDocuments(unnamed, after);
    expect(
      changeText(
        change!,
        t,
        t,
        changeNames([after], (text, id) => text?.en ?? id),
      ),
    ).toBe('Customer: default form changed from its first form to Quick');
  });
});
