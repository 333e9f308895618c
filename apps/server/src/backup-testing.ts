import type { AppDocument } from '@tessera/schemas';

/** Test-only: the small app the backup tests back up and restore — an auto-number and a currency to carry across exactly. */
export const deskApp: AppDocument = {
  id: 'desk',
  label: { en: 'Desk' },
  objects: [
    {
      id: 'ticket',
      label: { en: 'Ticket' },
      displayField: 'title',
      fields: [
        { id: 'title', type: 'text', label: { en: 'Title' }, required: true },
        { id: 'number', type: 'auto_number', label: { en: 'No.' }, numberFormat: 'T-{0000}' },
        { id: 'amount', type: 'currency', label: { en: 'Amount' } },
      ],
    },
  ],
};

export const DESK_TICKETS = '/api/apps/desk/objects/ticket/records';

/** The tickets each test writes before its backup: [title, amount]. */
export const DESK_SAMPLE = [
  ['Printer jam', '12.50'],
  ['登录失败', '0.10'],
] as const;
