import type { AppDocument } from '@tessera/schemas';
import { describe, expect, it } from 'vitest';
import { fullAdmin as admin, usePublishedApp } from './test-app';

const app: AppDocument = {
  id: 'numbers',
  label: { en: 'Numbers' },
  objects: [
    {
      id: 'contract',
      label: { en: 'Contract' },
      fields: [
        { id: 'number', type: 'auto_number', label: { en: 'No.' }, numberFormat: 'HT-{YYYY}-{00000}' },
        { id: 'title', type: 'text', label: { en: 'Title' } },
      ],
    },
  ],
};

const published = usePublishedApp(app);

describe('auto-numbers', () => {
  it('are formatted and never handed out twice, even by concurrent creates', async () => {
    const created = await Promise.all(
      Array.from({ length: 60 }, (_, i) => published.records.create('numbers', 'contract', admin, { values: { title: `c${i}` } })),
    );
    const numbers = created.map((r) => String(r.number));
    expect(new Set(numbers).size).toBe(60);
    const year = new Date().getFullYear();
    expect(numbers.every((n) => new RegExp(`^HT-${year}-\\d{5}$`).test(n))).toBe(true);
    expect(numbers.map((n) => Number(n.slice(-5))).sort((a, b) => a - b)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
  });
});
