import { join } from 'node:path';
import type { AppDocument } from '@tessera/schemas';
import { describe, expect, it } from 'vitest';
import { callApi } from './api';
import { openPage } from './browser';
import { customerApp } from './fixtures/customer-app';
import { openStudioField } from './studio-fields';
import { confirmPublish } from './studio-page';
import { ARTIFACTS, useE2eSuite } from './suite';
import { UI_TIMEOUT } from './timeouts';

describe('field data rules in the studio', () => {
  const suite = useE2eSuite(customerApp);

  it('an admin makes the e-mail required on the field; the review counts the stored rows without one; publish goes on and writes are cleaned', async () => {
    const records = `/api/apps/${suite.appId}/objects/customer/records`;
    await callApi(suite.api, 'POST', records, { values: { name: 'No e-mail yet' } });
    const { page, errors, context } = await openPage(suite.browser, { baseURL: suite.server.baseUrl, width: 1600, height: 1000 });
    try {
      await openStudioField(page, suite.appId, 'email');
      const rules = page.getByTestId('field-rules');
      await rules.getByText('Values of this type must be a valid e-mail address').waitFor({ timeout: UI_TIMEOUT });
      expect(await page.getByTestId('field-letter-case').textContent()).toContain('Lower case');
      await page.getByTestId('field-required').click();
      await page.locator('[data-testid="save-status"][data-status="saved"]').waitFor({ timeout: UI_TIMEOUT });
      const draft = await callApi<{ draft: AppDocument }>(suite.api, 'GET', `/api/apps/${suite.appId}`);
      expect(draft.draft.objects[0]?.fields.find((f) => f.id === 'email')).toMatchObject({ required: true });

      await page.getByTestId('studio-publish').click();
      const warning = page.getByTestId('publish-rule-break').filter({ hasText: 'record(s) are empty; it becomes required' });
      await warning.waitFor({ timeout: UI_TIMEOUT });
      expect(await warning.textContent()).toMatch(/Customer · Email: \d+ record\(s\) are empty/);
      expect(await page.getByTestId('publish-rule-break-list').getAttribute('href')).toMatch(new RegExp(`^/apps/${suite.appId}/objects/customer\\?f=1\\.`));
      await page.screenshot({ path: join(ARTIFACTS, 'field-rules-publish-review.png') });
      await confirmPublish(page, 2);

      const made = await callApi<{ id: string }>(suite.api, 'POST', records, { values: { name: 'Cleaned', email: ' LI@EXAMPLE.COM ' } });
      const read = await callApi<Record<string, unknown>>(suite.api, 'GET', `${records}/${made.id}`);
      expect(JSON.stringify(read)).toContain('"li@example.com"');
      expect(errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);
});
