import { describe, expect, it } from 'vitest';
import { completions, diagnostics, hover, signatureHelp } from './index';
import { RELATED, SAMPLE_FIELDS } from './test-fixtures';

const options = { fields: SAMPLE_FIELDS, relatedFields: RELATED };

describe('language service', () => {
  it('gives diagnostics with ranges and translated messages', () => {
    expect(diagnostics('IF(amount > 1, "a", nope)', options, 'zh-CN')).toEqual([
      { range: { start: 20, end: 24 }, code: 'expr.unknown_field', message: '未知字段 nope', severity: 'error' },
    ]);
    expect(diagnostics('amount * 2', options, 'en')).toEqual([]);
  });

  it('completes functions and fields by prefix', () => {
    const items = completions('1 + RO', 6, options, 'en');
    expect(items.map((i) => i.label)).toEqual(['ROUND', 'ROUNDUP', 'ROUNDDOWN']);
    expect(items[0]).toMatchObject({ insertText: 'ROUND(', range: { start: 4, end: 6 } });
  });

  it('completes field labels inside brackets, in the user language', () => {
    const items = completions('[金', 2, options, 'zh-CN');
    expect(items).toEqual([expect.objectContaining({ label: '金额', insertText: '金额]', range: { start: 1, end: 2 } })]);
  });

  it('completes the fields of a child table after a dot', () => {
    expect(completions('SUM(lines.', 10, options, 'en').map((i) => i.label)).toEqual(['Amount', 'Product']);
  });

  it('gives signature help with the active parameter', () => {
    expect(signatureHelp('IF(amount > 1, ', 15, 'en')).toMatchObject({ name: 'IF', signature: 'IF(condition, then, [else])', activeParameter: 1 });
    expect(signatureHelp('SUM(1, 2, 3', 11, 'en')).toMatchObject({ name: 'SUM', activeParameter: 0 });
    expect(signatureHelp('ROUND(LEFT(name, 2)', 18, 'en')?.name).toBe('LEFT');
    expect(signatureHelp('ROUND(LEFT(name, 2)', 19, 'en')?.name).toBe('ROUND');
    expect(signatureHelp('1 + 2', 5, 'en')).toBeNull();
  });

  it('hovers with the type at an offset', () => {
    expect(hover('amount * qty', 2, options, 'en')).toMatchObject({ type: 'currency', contents: 'Amount (amount): currency', range: { start: 0, end: 6 } });
    expect(hover('ROUND(qty, 2)', 1, options, 'en')).toMatchObject({ type: 'number' });
    expect(hover('1 +', 1, options, 'en')).toBeNull();
  });
});
