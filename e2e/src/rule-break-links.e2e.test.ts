import { join } from 'node:path';
import type { AppDocument } from '@tessera/schemas';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { callApi } from './api';
import { openPage } from './browser';
import { customerApp } from './fixtures/customer-app';
import { listPage } from './list-page';
import { openStudioField } from './studio-fields';
import { confirmPublish } from './studio-page';
import { ARTIFACTS, useE2eSuite } from './suite';
import { UI_TIMEOUT } from './timeouts';

const customer = customerApp.objects[0]!;
const app: AppDocument = {
  ...customerApp,
  id: 'e2e_links',
  objects: [
    {
      ...customer,
      fields: [...customer.fields, { id: 'code', type: 'text', label: { en: 'Credit code', 'zh-CN': '信用代码' } }],
      views: [{ id: 'all', label: { en: 'All customers', 'zh-CN': '全部客户' }, columns: ['name', 'code'] }],
    },
  ],
};
/** Codes stored before the rule: a wrong check character, junk and a short one break it; lower case and full width do not. */
const CUSTOMERS = [
  { name: 'Good code', code: '91350100M000100Y43' },
  { name: 'Lower case code', code: '91350100m000100y43' },
  { name: 'Full width code', code: '９１３５０１００Ｍ０００１００Ｙ４３' },
  { name: 'Wrong check character', code: '91350100M000100Y44' },
  { name: 'Junk code', code: 'n/a' },
  { name: 'Short code', code: '9135' },
  { name: 'No code' },
];
const BREAKING = ['Junk code', 'Short code', 'Wrong check character'];

const rowNames = async (page: Page) =>
  (await page.getByTestId('record-table').locator('.ant-table-row').allTextContents())
    .map((text) => CUSTOMERS.find((c) => text.includes(c.name))?.name ?? text)
    .sort();

async function expectBreakingRows(page: Page) {
  await listPage(page)
    .total.filter({ hasText: `${BREAKING.length} in total` })
    .waitFor({ timeout: UI_TIMEOUT });
  await page.getByTestId('record-table').locator('.ant-table-row').first().waitFor({ timeout: UI_TIMEOUT });
  expect(await rowNames(page)).toEqual(BREAKING);
  expect(await page.getByTestId('filter-chip-code').textContent()).toContain('Credit code is not a valid unified social credit code');
}

describe('rule-break links', () => {
  const suite = useE2eSuite(app, async (s) => {
    for (const values of CUSTOMERS) await callApi(s.api, 'POST', `/api/apps/${s.appId}/objects/customer/records`, { values });
  });

  it('an admin gives a field a format over bad data; the review’s link opens exactly the breaking rows, and a reload keeps them', async () => {
    const { page, errors, context } = await openPage(suite.browser, { baseURL: suite.server.baseUrl, width: 1600, height: 1000 });
    try {
      await openStudioField(page, suite.appId, 'code');
      await listPage(page).pick(page.getByTestId('field-format'), 'unified social credit code');
      await page.locator('[data-testid="save-status"][data-status="saved"]').waitFor({ timeout: UI_TIMEOUT });

      await page.getByTestId('studio-publish').click();
      const warning = page.getByTestId('publish-rule-break').filter({ hasText: 'not a valid unified social credit code' });
      await warning.waitFor({ timeout: UI_TIMEOUT });
      expect(await warning.textContent()).toContain(`Customer · Credit code: ${BREAKING.length} record(s) are not a valid unified social credit code`);
      await page.screenshot({ path: join(ARTIFACTS, 'rule-break-review.png') });

      // The link opens in a new tab, as a person's click does; it shows the rows counted, no more.
      const [list] = await Promise.all([context.waitForEvent('page'), warning.getByTestId('publish-rule-break-list').click()]);
      await expectBreakingRows(list);
      expect(new URL(list.url()).searchParams.get('f')).toMatch(/^1\./);
      await list.screenshot({ path: join(ARTIFACTS, 'rule-break-list.png') });

      // Published, the rule is the field's own; a reload of the list keeps its filter.
      await confirmPublish(page, 2);
      await list.reload();
      await expectBreakingRows(list);

      // Removing the condition takes it out of the address too: a reload then shows every customer.
      await list.getByTestId('filter-chip-code').getByLabel('Remove').click();
      await listPage(list)
        .total.filter({ hasText: `${CUSTOMERS.length} in total` })
        .waitFor({ timeout: UI_TIMEOUT });
      expect(new URL(list.url()).searchParams.get('f')).toBeNull();

      // The same rows from the filter builder: the field now has a format, so it offers "has an invalid format".
      await listPage(list).addFilter('Credit code', 'has an invalid format', async () => undefined);
      await expectBreakingRows(list);
      await list.getByTestId('filter-chip-code').getByLabel('Remove').click();
      await listPage(list)
        .total.filter({ hasText: `${CUSTOMERS.length} in total` })
        .waitFor({ timeout: UI_TIMEOUT });

      // A link that cannot be read says so and shows the whole list.
      await list.goto(`/apps/${suite.appId}/objects/customer?f=1.not-json`);
      await list.getByTestId('list-link-problem').waitFor({ timeout: UI_TIMEOUT });
      await listPage(list)
        .total.filter({ hasText: `${CUSTOMERS.length} in total` })
        .waitFor({ timeout: UI_TIMEOUT });
      expect(errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
    } finally {
      await context.close();
    }
  }, 180_000);
});
