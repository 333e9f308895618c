import { describe, expect, it } from 'vitest';
import { pickLocale, registerMessages, translate } from './index';

describe('pickLocale', () => {
  it.each([
    [undefined, 'en'],
    ['zh-CN,zh;q=0.9,en;q=0.8', 'zh-CN'],
    ['zh-TW', 'zh-CN'],
    ['en-US,en;q=0.9', 'en'],
    ['fr;q=1, en;q=0.2, zh;q=0.5', 'zh-CN'],
    ['fr', 'en'],
    ['zh;q=0, en', 'en'],
  ])('%s → %s', (header, locale) => expect(pickLocale(header)).toBe(locale));
});

describe('translate', () => {
  registerMessages({ 'test.greet': { 'zh-CN': '你好，{name}', en: 'Hello, {name}' } });
  it('fills placeholders in the chosen language', () => {
    expect(translate('zh-CN', 'test.greet', { name: '王' })).toBe('你好，王');
    expect(translate('en', 'test.greet', { name: 'Wang' })).toBe('Hello, Wang');
  });
  it('refuses a code registered twice with different text', () => {
    expect(() => registerMessages({ 'test.greet': { 'zh-CN': '嗨', en: 'Hi' } })).toThrow(/registered twice/);
  });
  it('falls back to the code when nothing is registered', () => {
    expect(translate('en', 'nope.code')).toBe('nope.code');
  });
});
