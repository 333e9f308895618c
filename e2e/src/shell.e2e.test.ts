import { describe, expect, it } from 'vitest';
import { createRecord } from './api';
import { openPage } from './browser';
import { customerApp } from './fixtures/customer-app';
import { E2E_ADMIN } from './server';
import { shellPage } from './shell-page';
import { ARTIFACTS, useE2eSuite } from './suite';

describe('web shell', () => {
  const suite = useE2eSuite(customerApp, async ({ api, appId }) => {
    // A second customer the search must filter out.
    await createRecord(api, appId, 'customer', { name: 'Beta Trading', email: 'info@beta.example' });
  });

  it('creates a customer through the drawer, shows server field errors, finds it by search', async () => {
    const { page, errors, context } = await openPage(suite.browser, { baseURL: suite.server.baseUrl, locale: 'en' });
    const shell = shellPage(page);
    try {
      await page.goto('/');
      await shell.signIn(E2E_ADMIN);
      await shell.openAppFromPicker(suite.appId, 'customer');
      await shell.row('Beta Trading').waitFor();
      expect(await shell.newButton.textContent()).toContain('New');

      // Language round trip: the whole UI follows, and the choice sticks.
      await shell.switchLanguage('中文', 'zh-CN');
      expect(await shell.newButton.textContent()).toMatch(/新\s*建/);
      await page.reload();
      await page.getByTestId('object-page-customer').waitFor();
      expect(await shell.newButton.textContent()).toMatch(/新\s*建/);
      await shell.switchLanguage('English', 'en');
      expect(await shell.newButton.textContent()).toContain('New');

      // The server is the authority on values: its 422 message lands on the email item.
      await shell.openNewRecord();
      await shell.fill('name', 'Acme 上海');
      await shell.fill('email', 'not-an-email');
      await shell.save();
      const message = await shell.fieldError('email');
      expect(message.trim().length).toBeGreaterThan(0);
      expect(await shell.drawer.isVisible()).toBe(true);

      await shell.fill('email', 'sales@acme.example');
      await shell.save();
      await shell.waitForDrawerClosed();

      await shell.search('Acme');
      await shell.row('Beta Trading').waitFor({ state: 'detached' });
      await shell.row('Acme 上海').waitFor();
      expect(await shell.rows().count()).toBe(1);
      expect(await shell.row('Acme 上海').textContent()).toContain('sales@acme.example');

      // Phone width: the side menu folds into a drawer and the page still fits.
      await page.setViewportSize({ width: 375, height: 760 });
      await page.getByRole('button', { name: 'Menu' }).waitFor();
      // Let the save toasts fade so the artifact shows the page itself.
      await page.locator('.ant-message-notice').first().waitFor({ state: 'detached', timeout: 10_000 });
      await page.screenshot({ path: `${ARTIFACTS}shell-375.png`, fullPage: true });

      expect(errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
    } finally {
      await context.close();
    }
  }, 90_000);
});
