import type { AppDocument } from '@tessera/schemas';
import { describe, expect, it } from 'vitest';
import { cleanLabel, deletionPhrase, formatBytes, setAppIdentity } from './app-edits';

const app: AppDocument = { id: 'crm', label: { 'zh-CN': '客户', en: 'CRM' }, objects: [] };

describe('app name and icon', () => {
  it('renames in both languages and sets the icon as one change', () => {
    const next = setAppIdentity(app, { 'zh-CN': ' 销售 ', en: 'Sales' }, 'shop');
    expect(next).toEqual({ ...app, label: { 'zh-CN': '销售', en: 'Sales' }, icon: 'shop' });
  });

  it('clears the icon, drops an empty language, and leaves the document as is when nothing changes', () => {
    const withIcon = { ...app, icon: 'team' as const };
    expect(setAppIdentity(withIcon, { 'zh-CN': '客户', en: '' }, null)).toEqual({ ...app, label: { 'zh-CN': '客户' } });
    expect(setAppIdentity(withIcon, { 'zh-CN': '客户', en: 'CRM' }, 'team')).toBe(withIcon);
  });

  it('refuses a name in no language', () => {
    expect(cleanLabel({ 'zh-CN': ' ', en: '' })).toBeUndefined();
    expect(setAppIdentity(app, { en: '  ' }, 'shop')).toBe(app);
  });
});

describe('deleting', () => {
  it('asks for the name the admin sees, falling back to another language or the id', () => {
    expect(deletionPhrase(app.label, 'zh-CN', 'crm')).toBe('客户');
    expect(deletionPhrase({ 'zh-CN': '客户' }, 'en', 'crm')).toBe('客户');
    expect(deletionPhrase(undefined, 'en', 'crm')).toBe('crm');
  });

  it('shows sizes people read', () => {
    expect(formatBytes(14)).toBe('14 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(5 * 1024 * 1024)).toBe('5.0 MB');
  });
});
