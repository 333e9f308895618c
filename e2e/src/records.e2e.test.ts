import { describe, expect, it } from 'vitest';
import { callApi, createRecord } from './api';
import { openPage } from './browser';
import { salesApp } from './fixtures/sales-app';
import { E2E_ADMIN } from './server';
import { shellPage } from './shell-page';
import { useE2eSuite } from './suite';
import { UI_TIMEOUT } from './timeouts';

const CUSTOMERS = 60; // more than one page of 50

describe('records in the web shell', () => {
  const ids: string[] = [];

  const suite = useE2eSuite(salesApp, async ({ api, appId }) => {
    for (let i = 0; i < CUSTOMERS; i++) {
      const name = `Customer ${String(i).padStart(3, '0')}`;
      ids.push((await createRecord(api, appId, 'customer', { name, credit: `${i}000.50`, tags: ['a'] })).id);
    }
    await createRecord(api, appId, 'contact', { name: 'Wang Wei', customer: ids[0] });
  });

  it('pages with load more, offers a reload on a conflict, keeps history, deletes', async () => {
    const { page, errors, context } = await openPage(suite.browser, { baseURL: suite.server.baseUrl });
    const shell = shellPage(page);
    try {
      await page.goto(`/apps/${suite.appId}`);
      await shell.signIn(E2E_ADMIN); // then lands where it was going: the first page of the menu
      await page.getByTestId('object-page-customer').waitFor();
      await page.getByTestId('record-load-more').waitFor();
      expect(await page.getByTestId('record-total').textContent()).toContain(String(CUSTOMERS));
      // The table is virtual (only rows in view are in the page): the loaded count says how many are in the list.
      expect(await page.getByTestId('record-loaded').textContent()).toBe(`50 of ${CUSTOMERS} loaded`);
      await page.getByTestId('record-load-more').click();
      await page.getByTestId('record-load-more').waitFor({ state: 'detached' });
      expect(await page.getByTestId('record-loaded').textContent()).toBe(`All ${CUSTOMERS} loaded`);

      // Someone else saves first: our save is refused and the drawer offers a reload.
      await shell.search('Customer 007'); // one of the oldest: far down a list sorted newest first
      await shell.row('Customer 007').click();
      await page.locator('#record-form_name').waitFor();
      await callApi(suite.api, 'PATCH', `/api/apps/${suite.appId}/objects/customer/records/${ids[7]}`, {
        version: 1,
        values: { credit: '1.00' },
      });
      await shell.fill('name', 'Customer 007 renamed');
      await shell.save();
      await page.getByTestId('record-conflict').waitFor();
      await page.getByTestId('record-conflict').getByRole('button').click();
      await page.getByTestId('record-conflict').waitFor({ state: 'detached' });
      expect(await page.locator('#record-form_name').inputValue()).toBe('Customer 007');
      await shell.fill('name', 'Customer 007 renamed');
      await shell.save();
      await shell.waitForDrawerClosed();
      await shell.row('Customer 007 renamed').waitFor();

      await shell.row('Customer 007 renamed').click();
      await page.getByRole('tab', { name: 'History' }).click();
      // The name is also in the drawer's title, so wait on the timeline itself before counting it.
      await page.locator('.ant-timeline-item').nth(2).waitFor();
      expect(await page.locator('.ant-timeline-item').count()).toBe(3); // create, their update, ours

      await page.getByRole('tab', { name: 'Details' }).click();
      await page.getByTestId('record-delete').click();
      await page.locator('.ant-popconfirm .ant-btn-dangerous').click();
      await shell.waitForDrawerClosed();
      await shell.row('Customer 007 renamed').waitFor({ state: 'detached' });
      await shell.search('');
      await page
        .getByTestId('record-total')
        .filter({ hasText: String(CUSTOMERS - 1) })
        .waitFor();
      expect(errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
    } finally {
      await context.close();
    }
  }, 90_000);

  it('links a contact to a customer found by server-side search', async () => {
    const { page, errors, context } = await openPage(suite.browser, { baseURL: suite.server.baseUrl });
    const shell = shellPage(page);
    try {
      await page.goto(`/apps/${suite.appId}/objects/contact`);
      await shell.signIn(E2E_ADMIN);
      await shell.row('Wang Wei').waitFor();
      expect(await shell.row('Wang Wei').textContent()).toContain('Customer 000'); // from _display

      // Opened from the list, the drawer names the linked customer as well, never its record id.
      await shell.row('Wang Wei').click();
      const linked = page.locator('.ant-select-content').filter({ has: page.locator('#record-form_customer') });
      await expect.poll(() => linked.textContent(), { timeout: UI_TIMEOUT }).toBe('Customer 000');

      // Linked to another customer and left unsaved: the resumed draft names it too (fetched by id).
      const autosaved = page.waitForResponse((r) => r.request().method() === 'PUT' && /\/drafts\/[^/]+$/.test(r.url()));
      await page.locator('#record-form_customer').click();
      await page.keyboard.type('013');
      const other = page.locator('.ant-select-item-option').filter({ hasText: 'Customer 013' });
      await other.waitFor();
      await other.click();
      expect((await autosaved).status()).toBe(204);
      await page.getByTestId('record-drawer').getByRole('button', { name: 'Cancel' }).click();
      await shell.waitForDrawerClosed();
      await shell.row('Wang Wei').click();
      await page.getByTestId('record-draft-resume').click({ timeout: UI_TIMEOUT });
      await expect.poll(() => linked.textContent(), { timeout: UI_TIMEOUT }).toBe('Customer 013');
      await page.getByTestId('record-drawer').getByRole('button', { name: 'Cancel' }).click();
      await shell.waitForDrawerClosed();

      await shell.openNewRecord();
      await shell.fill('name', 'Li Na');
      await page.locator('#record-form_customer').click();
      await page.keyboard.type('042');
      const option = page.locator('.ant-select-item-option').filter({ hasText: 'Customer 042' });
      await option.waitFor();
      await option.click();
      await shell.save();
      await shell.waitForDrawerClosed();
      expect(await shell.row('Li Na').textContent()).toContain('Customer 042');
      expect(errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);
});
