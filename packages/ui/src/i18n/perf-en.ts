/** English strings of the record form's layout (tabs and steps rendered on demand). */
export const perfEn = {
  'perf.pageHasErrors': 'Has fields to correct',
  'perf.widgetsFailed': 'This input could not be loaded. Check your connection and reload the page.',
} as const;
