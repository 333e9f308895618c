import { describe, expect, it } from 'vitest';
import { catalogs, translate, type MessageKey } from './messages';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('UI message catalogs', () => {
  it('have the same keys in zh-CN and en', () => {
    expect(Object.keys(catalogs['zh-CN']).sort()).toEqual(Object.keys(catalogs.en).sort());
  });

  it('use the same placeholders in both languages', () => {
    for (const key of Object.keys(catalogs.en) as MessageKey[]) {
      expect(placeholders(catalogs['zh-CN'][key]), key).toEqual(placeholders(catalogs.en[key]));
    }
  });

  it('have no empty strings', () => {
    for (const catalog of Object.values(catalogs)) {
      for (const [key, text] of Object.entries(catalog)) expect(text.trim(), key).not.toBe('');
    }
  });

  it('fills placeholders', () => {
    expect(translate('en', 'list.totalEstimate', { count: '1,200' })).toBe('≈ 1,200 in total');
    expect(translate('zh-CN', 'record.createTitle', { object: '客户' })).toBe('新建客户');
  });
});
