/** English strings of filtering a list by region ("Region within Guangdong / Shenzhen"). */
export const regionFilterEn = {
  'listView.op.within': 'within',
  'listView.filter.pickRegion': 'Province, city or district',
} as const;
