import { translate } from '@tessera/i18n';
import { localizeIssues, validateDocument } from '@tessera/meta/validate';
import type { AppDocument, LocalizedText } from '@tessera/schemas';
import { describe, expect, it } from 'vitest';
import '../i18n/role-messages';
import { changeNames } from '../../model/change-names';
import type { RoleMessage } from '../i18n/role-messages';
import { inRole, roleChangeText, roleIssueText } from './role-texts';

const en = (key: RoleMessage, params?: Record<string, string | number>) => translate('en', key, params);
const zh = (key: RoleMessage, params?: Record<string, string | number>) => translate('zh-CN', key, params);
const label = (text: LocalizedText | undefined, fallback: string) => text?.en ?? fallback;

const draft = {
  id: 'crm',
  label: { en: 'CRM' },
  objects: [{ id: 'customer', label: { en: 'Customer' }, fields: [{ id: 'name', type: 'text', label: { en: 'Name' } }] }],
  roles: [
    { id: 'rep', label: { en: 'Sales rep' }, permissions: [{ object: 'customer', actions: ['read'], rows: 'all', rowFormula: '', hiddenFields: ['gone'] }] },
  ],
} as AppDocument;

describe('role texts', () => {
  it("names the role, the object and the part of a problem, then the rule it breaks, in the admin's language", () => {
    const verdict = validateDocument(draft);
    expect(verdict.ok).toBe(false);
    if (verdict.ok) return;
    const [issue] = localizeIssues(verdict.issues, 'en');
    expect(inRole(issue!.pointer, 0)).toBe(true);
    expect(inRole(issue!.pointer, 1)).toBe(false);
    expect(roleIssueText(draft, issue!, en, label)).toBe('Role "Sales rep" · object "Customer" · row condition: Must have at least 1 characters');
    const [zhIssue] = localizeIssues(verdict.issues, 'zh-CN');
    expect(roleIssueText(draft, zhIssue!, zh, label)).toBe('角色“Sales rep” · 对象“Customer” · 记录条件：至少需要 1 个字符');
    const fixed = {
      ...draft,
      roles: [{ ...draft.roles![0]!, permissions: [{ object: 'customer', actions: ['read'], hiddenFields: ['gone'] }] }],
    } as AppDocument;
    const second = validateDocument(fixed);
    if (second.ok) throw new Error('expected a problem');
    expect(roleIssueText(fixed, localizeIssues(second.issues, 'en')[0]!, en, label)).toBe(
      'Role "Sales rep" · object "Customer" · hidden fields: Object "customer" has no field "gone"',
    );
  });

  it('words each role change of the review', () => {
    expect(roleChangeText({ kind: 'role_actions_changed', role: 'rep', object: 'customer', added: ['delete'], removed: ['update'] }, en)).toBe(
      'Role "rep" on "customer": +Delete −Update',
    );
    expect(roleChangeText({ kind: 'role_rows_changed', role: 'rep', object: 'customer', from: 'all', to: 'own' }, en)).toBe(
      'Role "rep" on "customer" sees rows: All → Their own',
    );
    expect(roleChangeText({ kind: 'role_rows_changed', role: 'rep', object: 'quote', from: '', to: 'all & amount > 1' }, zh)).toBe(
      '角色“rep”对“quote”可见的记录：不可查看 → 全部 & amount > 1',
    );
    expect(roleChangeText({ kind: 'role_fields_changed', role: 'rep', object: 'customer', access: 'hidden', added: ['credit'], removed: [] }, en)).toBe(
      'Role "rep" on "customer", Hidden fields: +credit',
    );
    expect(roleChangeText({ kind: 'role_form_changed', role: 'rep', object: 'customer', from: '', to: 'customer_quick' }, en)).toBe(
      'Role "rep" on "customer" opens form: the default form → customer_quick',
    );
    expect(roleChangeText({ kind: 'role_form_changed', role: 'rep', object: 'customer', from: 'customer_quick', to: '' }, zh)).toBe(
      '角色“rep”对“customer”使用的表单：customer_quick → 默认表单',
    );
    expect(roleChangeText({ kind: 'role_added', role: 'finance' }, zh)).toBe('新增角色“finance”');
  });

  it('names a role’s form change by the labels of the role, the object and the forms, the old version’s for a removed form', () => {
    const published = { ...draft, forms: [{ id: 'customer_old', object: 'customer', label: { en: 'Old entry' }, nodes: [] }] } as AppDocument;
    const withForm = { ...draft, forms: [{ id: 'customer_quick', object: 'customer', label: { en: 'Quick entry' }, nodes: [] }] } as AppDocument;
    const names = changeNames([withForm, published], label);
    expect(roleChangeText({ kind: 'role_form_changed', role: 'rep', object: 'customer', from: 'customer_old', to: 'customer_quick' }, en, names)).toBe(
      'Role "Sales rep" on "Customer" opens form: Old entry → Quick entry',
    );
    expect(roleChangeText({ kind: 'role_form_changed', role: 'rep', object: 'customer', from: '', to: 'gone' }, zh, names)).toBe(
      '角色“Sales rep”对“Customer”使用的表单：默认表单 → gone',
    );
  });
});
