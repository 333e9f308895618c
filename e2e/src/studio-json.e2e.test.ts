import { join } from 'node:path';
import type { AppDocument } from '@tessera/schemas';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPage } from './browser';
import { customerApp } from './fixtures/customer-app';
import { E2E_ADMIN } from './server';
import { shellPage } from './shell-page';
import { ARTIFACTS, useE2eSuite } from './suite';
import { UI_TIMEOUT } from './timeouts';

const jsonApp: AppDocument = { ...customerApp, id: 'e2e_json' };
const pretty = (document: unknown) => JSON.stringify(document, null, 2);

/**
 * Replaces the editor's whole text as a person does with a document: select all, paste. (Typed
 * line by line, Monaco's auto-indent and bracket closing would reshape it; a paste is kept as is.)
 */
async function pasteDocument(page: Page, text: string): Promise<void> {
  await page.evaluate((value) => navigator.clipboard.writeText(value), text);
  await page.locator('[data-testid="json-editor"] .view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('ControlOrMeta+V');
}

describe('the studio: the draft as JSON', () => {
  const suite = useE2eSuite(jsonApp);

  it('checks the JSON as typed, keeps broken text, applies a valid edit as one undo step', async () => {
    const { page, errors, context } = await openPage(suite.browser, { baseURL: suite.server.baseUrl, width: 1500, height: 1000, locale: 'en' });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: suite.server.baseUrl });
    try {
      await page.goto(`/studio/apps/${suite.appId}`);
      await shellPage(page).signIn(E2E_ADMIN);
      await page.getByTestId('studio').waitFor({ timeout: UI_TIMEOUT });
      await page.getByTestId('studio-section-json').click();
      await page.locator('[data-testid="json-editor"] .view-lines').waitFor({ timeout: UI_TIMEOUT });
      await page.getByTestId('json-valid').waitFor({ timeout: UI_TIMEOUT });
      expect(await page.getByTestId('json-apply').isDisabled()).toBe(true);

      // Broken JSON: listed with its line, marked in the editor, cannot be applied.
      const renamed = { ...jsonApp, label: { en: 'JSON CRM', 'zh-CN': 'JSON 客户' } };
      await pasteDocument(page, pretty(renamed).replace('"JSON CRM"', '"JSON CRM",,'));
      await page.getByTestId('json-syntax').filter({ hasText: 'Line 4' }).waitFor({ timeout: UI_TIMEOUT });
      await page.keyboard.press('ControlOrMeta+Home');
      await page.locator('[data-testid="json-editor"] .squiggly-error').first().waitFor({ timeout: UI_TIMEOUT });
      expect(await page.getByTestId('json-apply').isDisabled()).toBe(true);
      expect(await page.getByTestId('json-state').getAttribute('data-edited')).toBe('true');

      // A document with a problem: listed with its JSON pointer, may still be applied (a draft may be unfinished).
      const badType = { ...renamed, objects: [{ ...jsonApp.objects[0]!, fields: [{ id: 'name', type: 'nope', label: { en: 'Name' } }] }] };
      await pasteDocument(page, pretty(badType));
      await page.getByTestId('json-problem').filter({ hasText: '/objects/0/fields/0' }).first().waitFor({ timeout: UI_TIMEOUT });
      await page.screenshot({ path: join(ARTIFACTS, 'studio-json-problems.png') });

      // The valid rename: applied, the header follows; one undo takes it all back, and the untouched view follows the draft.
      await pasteDocument(page, pretty(renamed));
      await page.getByTestId('json-valid').waitFor({ timeout: UI_TIMEOUT });
      await page.getByTestId('json-apply').click();
      await page.locator('.studio-header').getByText('JSON CRM').waitFor({ timeout: UI_TIMEOUT });
      expect(await page.getByTestId('json-state').getAttribute('data-edited')).toBe('false');
      await page.locator('[data-testid="save-status"][data-status="saved"]').waitFor({ timeout: UI_TIMEOUT });
      await page.getByTestId('studio-undo').click();
      await page.locator('.studio-header').getByText('E2E CRM').waitFor({ timeout: UI_TIMEOUT });
      await page.locator('[data-testid="json-editor"] .view-lines').click();
      await page.keyboard.press('ControlOrMeta+Home');
      await page.screenshot({ path: join(ARTIFACTS, 'studio-json-after-undo.png') });
      await page.locator('[data-testid="json-editor"] .view-lines').filter({ hasText: '"E2E CRM"' }).waitFor({ timeout: UI_TIMEOUT });

      // Unapplied text survives a change of the draft elsewhere (redo), with a warning.
      await page.locator('[data-testid="json-editor"] .view-lines').click();
      await page.keyboard.press('ControlOrMeta+A');
      // Typed as one text input, as Monaco's own tests do: key by key, its bracket and quote closing would race the keystrokes.
      await page.keyboard.insertText('{ "id": "e2e_json", ');
      await page.getByTestId('json-syntax').waitFor({ timeout: UI_TIMEOUT });
      await page.getByTestId('studio-redo').click();
      await page.getByTestId('json-draft-moved').waitFor({ timeout: UI_TIMEOUT });
      // Monaco draws spaces as no-break spaces.
      expect((await page.locator('[data-testid="json-editor"] .view-lines').textContent())?.replace(/\u00a0/g, ' ')).toContain('"id": "e2e_json",');
      await page.getByTestId('json-revert').click();
      await page.locator('[data-testid="json-editor"] .view-lines').click();
      await page.keyboard.press('ControlOrMeta+Home');
      await page.locator('[data-testid="json-editor"] .view-lines').filter({ hasText: '"JSON CRM"' }).waitFor({ timeout: UI_TIMEOUT });
      expect(errors.filter((e) => !e.includes('401 (Unauthorized)'))).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
