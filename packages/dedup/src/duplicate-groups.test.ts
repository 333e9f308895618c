import { describe, expect, it } from 'vitest';
import { findDuplicatePairs, groupPairs, LARGEST_BLOCK } from './duplicate-groups';
import { prepareSubject } from './match-rules';
import { COMPANY_RULES } from './testing';

const subject = (id: string, name: string, phone: string | null, email: string | null = null) =>
  prepareSubject(COMPANY_RULES, id, { name, phone, email, credit_code: null });

describe('findDuplicatePairs and groupPairs', () => {
  it('joins a company entered three times into one group, scored by its weakest pair', () => {
    const subjects = [
      subject('1', '星辰科技有限公司', '13800138000', 'a@x.cn'),
      subject('2', '北京星辰科技有限公司', '13800138000'),
      subject('3', '星辰科技(北京)股份有限公司', null, 'A@X.CN'),
      subject('4', '星辰电子有限公司', '13800138000'),
    ];
    const groups = groupPairs(findDuplicatePairs(COMPANY_RULES, subjects));
    expect(groups).toHaveLength(1);
    expect(groups[0]!.ids.sort()).toEqual(['1', '2', '3']);
    expect(groups[0]!.score).toBe(1);
  });

  it('skips a block too large to be one company (a shared placeholder number)', () => {
    const subjects = Array.from({ length: LARGEST_BLOCK + 1 }, (_, i) => subject(String(i), '同名有限公司', '13800000000'));
    expect(findDuplicatePairs(COMPANY_RULES, subjects)).toEqual([]);
  });
});
