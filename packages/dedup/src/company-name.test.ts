import { describe, expect, it } from 'vitest';
import { normalizeCompanyName, regionsConflict } from './company-name';
import { matchSubjects, nameScore, normalizeKeyValue, prepareSubject } from './match-rules';
import { jaroWinkler } from './similarity';
import { COMPANY_RULES } from './testing';

const key = (name: string) => normalizeCompanyName(name).key;

describe('normalizeCompanyName', () => {
  it('sets aside regions in brackets or in front, legal forms, width, case and punctuation', () => {
    for (const name of [
      '某某科技(北京)有限责任公司',
      '北京市某某科技有限公司',
      '某某科技有限公司',
      '某某科技（北京）股份有限公司',
      ' 某某 科技·集团 ',
      '【北京】某某科技公司',
    ]) {
      expect(key(name)).toBe('某某科技');
    }
    expect(key('广东省深圳市华为技术有限公司')).toBe('华为技术');
    expect(key('Acme Trading Co., Ltd.')).toBe('acmetrading');
    expect(key('ＡＣＭＥ　Trading Inc.')).toBe('acmetrading');
  });

  it('keeps what tells companies apart: a branch, a bracket that is no region, a name that is only a region', () => {
    expect(key('华为技术有限公司深圳分公司')).toBe('华为技术有限公司深圳分公司');
    expect(key('某某(国际)贸易有限公司')).toBe('某某国际贸易');
    expect(key('北京有限公司')).toBe('北京');
  });

  it('remembers the regions it set aside, and finds two different ones in conflict', () => {
    expect(normalizeCompanyName('广东省深圳市华为技术有限公司').regions).toEqual(['440000', '440300']);
    expect(regionsConflict(['110000'], ['310000'])).toBe(true);
    expect(regionsConflict(['440000'], ['440300'])).toBe(false);
    expect(regionsConflict([], ['310000'])).toBe(false);
  });
});

describe('scoring', () => {
  it('Jaro–Winkler counts Chinese characters as one each', () => {
    expect(jaroWinkler('华为技术', '华为技术')).toBe(1);
    expect(jaroWinkler('华为技术', '华为终端')).toBeCloseTo(0.733, 3);
    expect(jaroWinkler('', 'x')).toBe(0);
  });

  it('keeps one brand in two businesses or two cities far apart', () => {
    const score = (a: string, b: string) => nameScore(normalizeCompanyName(a), normalizeCompanyName(b));
    expect(score('华为技术有限公司', '北京华为技术股份有限公司')).toBe(1);
    expect(score('华为技术有限公司', '华为终端有限公司')).toBeLessThan(0.5);
    expect(score('远航卓科技有限公司', '远航卓网络科技有限公司')).toBeLessThan(0.5);
    expect(score('安海化工(上海)有限公司', '安海化工(北京)有限公司')).toBe(0.5);
  });

  it('compares key values as people write them', () => {
    expect(normalizeKeyValue('+86 138-0013-8000')).toBe('13800138000');
    expect(normalizeKeyValue('１３８００１３８０００')).toBe('13800138000');
    expect(normalizeKeyValue(' Info@Corp.COM ')).toBe('info@corp.com');
    expect(normalizeKeyValue('   ')).toBeNull();
  });

  it('needs a shared phone or e-mail besides a like name, and a credit code alone suffices', () => {
    const subject = (id: string, values: Record<string, unknown>) => prepareSubject(COMPANY_RULES, id, values);
    const a = subject('a', { name: '某某科技(北京)有限公司', phone: '13800138000', email: null, credit_code: null });
    const b = subject('b', { name: '北京市某某科技有限责任公司', phone: '+86 138 0013 8000', email: null, credit_code: null });
    const c = subject('c', { name: '北京市某某科技有限责任公司', phone: '13900139000', email: null, credit_code: null });
    const d = subject('d', { name: '完全不同', phone: null, email: null, credit_code: '91350100M000100Y43' });
    const e = subject('e', { name: '另一个名字', phone: null, email: null, credit_code: '91350100m000100y43' });
    expect(matchSubjects(COMPANY_RULES, a, b)).toEqual({ rule: 'company', score: 1 });
    expect(matchSubjects(COMPANY_RULES, a, c)).toBeNull();
    expect(matchSubjects(COMPANY_RULES, d, e)).toEqual({ rule: 'credit_code', score: 1 });
  });
});
