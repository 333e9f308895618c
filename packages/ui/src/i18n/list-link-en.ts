/** English strings of list links: filters carried in the address, and why a link's are not shown. */
export const listLinkEn = {
  'listView.op.breaks_format': 'is not a valid',
  'listView.op.breaks_own_format': 'has an invalid format',
  'listView.link.malformed': 'The link’s filters could not be read; all records are shown.',
  'listView.link.version': 'The link was made by another version of Tessera; its filters are not applied and all records are shown.',
  'listView.link.stale': 'The link filters by fields this list no longer offers ({fields}); all records are shown.',
  'listView.link.refused': 'The link’s filters no longer fit this list; all records are shown.',
} as const;
