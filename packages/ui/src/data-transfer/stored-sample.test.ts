import { describe, expect, it } from 'vitest';
import { storedSample } from './stored-sample';

const field = (extra: object) => ({ id: 'f', label: { en: 'F' }, required: false, ...extra }) as Parameters<typeof storedSample>[0];

describe('storedSample', () => {
  it('shows the value a mapped column will be stored with where it differs from the cell', () => {
    expect(storedSample(field({ type: 'phone', phoneKind: 'mobile' }), '86 138 0013 8000')).toEqual({ cell: '86 138 0013 8000', stored: '13800138000' });
    expect(storedSample(field({ type: 'phone' }), 8613800138000)).toEqual({ cell: '8613800138000', stored: '13800138000' });
    expect(storedSample(field({ type: 'text', format: 'cn-uscc' }), '91350100m000100y43')).toEqual({
      cell: '91350100m000100y43',
      stored: '91350100M000100Y43',
    });
    expect(storedSample(field({ type: 'text' }), '   ')).toEqual({ cell: '   ', stored: null });
  });

  it('shows only the cell when nothing changes, the column is not mapped, or the field is not plain text', () => {
    expect(storedSample(field({ type: 'text' }), '张三')).toEqual({ cell: '张三' });
    expect(storedSample(undefined, ' x ')).toEqual({ cell: ' x ' });
    expect(storedSample(field({ type: 'number' }), ' 12 ')).toEqual({ cell: ' 12 ' });
    expect(storedSample(field({ type: 'text', format: 'cn-uscc' }), '91350100M000100Y44')).toEqual({ cell: '91350100M000100Y44' });
  });
});
