import { join } from 'node:path';
import type { AppDocument } from '@tessera/schemas';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { callApi } from './api';
import { openPage } from './browser';
import { customerApp } from './fixtures/customer-app';
import { type DropPlace, pointerDrag } from './pointer-drag';
import { E2E_ADMIN } from './server';
import { shellPage } from './shell-page';
import { confirmPublish } from './studio-page';
import { ARTIFACTS, useE2eSuite } from './suite';
import { UI_TIMEOUT } from './timeouts';

/** A drop place of the form designer's canvas. */
const canvasPlace = (page: Page, target: () => Locator): DropPlace => ({
  target,
  dragging: () => page.locator('.studio-canvas-dragging'),
  over: () => target().locator('xpath=.').and(page.locator('.studio-drop-slot-over')),
});

async function openStudio(page: Page, appId: string): Promise<void> {
  await page.goto(`/studio/apps/${appId}`);
  await shellPage(page).signIn(E2E_ADMIN);
  await page.getByTestId('studio').waitFor({ timeout: UI_TIMEOUT });
}

async function waitSaved(page: Page): Promise<void> {
  await page.locator('[data-testid="save-status"][data-status="saved"]').waitFor({ timeout: UI_TIMEOUT });
}

describe('the studio: an admin builds the form in the browser', () => {
  const suite = useE2eSuite(customerApp);

  it('drags a new select field onto the form with the mouse, labels it, publishes after review; end users get it at once; rollback takes it away', async () => {
    const { page, errors, context } = await openPage(suite.browser, { baseURL: suite.server.baseUrl, width: 1600, height: 1000 });
    try {
      await openStudio(page, suite.appId);
      await page.getByTestId('canvas-node-main').waitFor({ timeout: UI_TIMEOUT });

      await pointerDrag(
        page,
        page.getByTestId('palette-type-select'),
        canvasPlace(page, () => page.getByTestId('drop-main-1')),
      );
      const node = page.getByTestId('canvas-node-f_select_1_1');
      await node.waitFor({ timeout: UI_TIMEOUT });
      // Placed second in the section, right after the name.
      const order = await page
        .locator('[data-testid="canvas-node-main"] [data-testid^="canvas-node-"]')
        .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-testid')));
      expect(order.slice(0, 3)).toEqual(['canvas-node-f_name', 'canvas-node-f_select_1_1', 'canvas-node-f_email']);

      await page.getByTestId('node-field-label-en').fill('Industry');
      await page.getByTestId('node-field-label-zh').fill('行业');
      await page.getByTestId('studio-preview').getByText('Industry', { exact: true }).waitFor({ timeout: UI_TIMEOUT });
      await page.getByTestId('preview-device').getByText('Phone', { exact: true }).click();
      await page.locator('[data-device="phone"]').waitFor({ timeout: UI_TIMEOUT });
      await page.screenshot({ path: join(ARTIFACTS, 'studio-designer-phone-preview.png') });

      // Undo takes the Chinese label back to the new field's in one step (typing is one gesture); redo restores it.
      await page.getByTestId('studio-undo').click();
      expect(await page.getByTestId('node-field-label-zh').inputValue()).toBe('新字段');
      await page.getByTestId('studio-redo').click();
      expect(await page.getByTestId('node-field-label-zh').inputValue()).toBe('行业');
      // Its options are set up right there: a second one, in both languages.
      await page.getByTestId('node-properties').getByTestId('select-option-add').click();
      await page.getByTestId('select-option-1').getByLabel('Label (English)').fill('Retail');
      await page.getByTestId('select-option-1').getByLabel('Label (Chinese)').fill('零售');

      await waitSaved(page);
      const draft = await callApi<{ draft: AppDocument }>(suite.api, 'GET', `/api/apps/${suite.appId}`);
      expect(draft.draft.objects[0]?.fields.find((f) => f.id === 'select_1')).toMatchObject({
        label: { en: 'Industry', 'zh-CN': '行业' },
        options: [{ value: 'option_1' }, { value: 'option_2', label: { en: 'Retail', 'zh-CN': '零售' } }],
      });

      await page.getByTestId('studio-publish').click();
      await page.getByTestId('publish-change').filter({ hasText: 'Field "select_1" added to "customer"' }).waitFor({ timeout: UI_TIMEOUT });
      expect(await page.getByTestId('publish-ddl').allTextContents()).toContain('add_column — customer.select_1');
      await page.screenshot({ path: join(ARTIFACTS, 'studio-publish-review.png') });
      await page.getByTestId('publish-comment').fill('Industry on the customer form');
      await confirmPublish(page, 2);

      // The end user's form shows the new field at once: no restart, no rebuild.
      await page.goto(`/apps/${suite.appId}/objects/customer`);
      await shellPage(page).openNewRecord();
      await page.locator('#record-form_select_1').waitFor({ timeout: UI_TIMEOUT });
      expect(await page.getByTestId('record-form').getByText('Industry', { exact: true }).count()).toBe(1);
      await page.screenshot({ path: join(ARTIFACTS, 'studio-runtime-form.png') });

      // Roll back to version 1: published again as version 3, and the form loses the field.
      await page.goto(`/studio/apps/${suite.appId}`);
      await page.getByTestId('studio').waitFor({ timeout: UI_TIMEOUT });
      await page.getByTestId('studio-history-open').click();
      // Version 1 beside version 2: the field the admin added.
      await page.getByTestId('compare-change').filter({ hasText: 'Field "select_1" added to "customer"' }).waitFor({ timeout: UI_TIMEOUT });
      await page.getByTestId('rollback-1').click({ timeout: UI_TIMEOUT });
      await page.locator('.ant-popconfirm').getByRole('button', { name: 'OK' }).click();
      await page.getByTestId('studio-live-version').filter({ hasText: 'version 3' }).waitFor({ timeout: UI_TIMEOUT });
      await page.goto(`/apps/${suite.appId}/objects/customer`);
      await shellPage(page).openNewRecord();
      expect(await page.locator('#record-form_select_1').count()).toBe(0);
      expect(errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);

  it('does the same with the keyboard only: pick up from the palette, drop on a place, move with Alt+arrows', async () => {
    const { page, errors, context } = await openPage(suite.browser, { baseURL: suite.server.baseUrl, width: 1600, height: 1000 });
    try {
      await openStudio(page, suite.appId);
      await page.getByTestId('canvas-node-main').waitFor({ timeout: UI_TIMEOUT });
      await page.getByTestId('palette-type-phone').focus();
      await page.keyboard.press('Enter');
      await page.getByTestId('carrying-notice').waitFor({ timeout: UI_TIMEOUT });
      // Tab to the drop places the carried field may land on: the form's top, then inside the section, before its first field.
      const focused = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');
      for (let i = 0; i < 80 && (await focused()) !== 'Drop into "the form" at position 1'; i += 1) await page.keyboard.press('Tab');
      expect(await focused()).toBe('Drop into "the form" at position 1');
      for (let i = 0; i < 5 && (await focused()) !== 'Drop into "Section" at position 1'; i += 1) await page.keyboard.press('Tab');
      expect(await focused()).toBe('Drop into "Section" at position 1');
      await page.keyboard.press('Enter');
      const node = page.getByTestId('canvas-node-f_phone_1_1');
      await node.waitFor({ timeout: UI_TIMEOUT });
      const inMain = () =>
        page.locator('[data-testid="canvas-node-main"] [data-testid^="canvas-node-"]').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-testid')));
      expect((await inMain())[0]).toBe('canvas-node-f_phone_1_1');

      await node.focus();
      await page.keyboard.press('Alt+ArrowDown');
      expect((await inMain()).slice(0, 2)).toEqual(['canvas-node-f_name', 'canvas-node-f_phone_1_1']);
      await page.getByTestId('canvas-node-f_phone_1_1').focus();
      await page.keyboard.press('Control+z');
      expect((await inMain())[0]).toBe('canvas-node-f_phone_1_1');
      await waitSaved(page);
      expect(errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);

  it('keeps a half-built draft, lists its problems with a click to the element, and never overwrites another admin silently', async () => {
    const { page, errors, context } = await openPage(suite.browser, { baseURL: suite.server.baseUrl, width: 1600, height: 1000 });
    try {
      await openStudio(page, suite.appId);
      await page.getByTestId('studio-object-customer').click();
      await page.getByRole('tab', { name: 'Fields' }).click();
      await page.getByTestId('field-row-level').click();
      // Both labels emptied: invalid, kept anyway, the problem listed live.
      await page.getByTestId('field-label-en').fill('');
      await page.getByTestId('field-label-zh').fill('');
      await page.locator('[data-testid="studio-problems"][data-count="1"]').waitFor({ timeout: UI_TIMEOUT });
      await waitSaved(page);
      const saved = await callApi<{ draft: AppDocument }>(suite.api, 'GET', `/api/apps/${suite.appId}`);
      expect(saved.draft.objects[0]?.fields.find((f) => f.id === 'level')?.label).toEqual({});

      await page.getByTestId('field-row-name').click();
      // The name is the display field and a column of a view: hiding it is refused with both, each a link.
      await page.getByTestId('field-hide').click();
      await page.getByTestId('field-usages').waitFor({ timeout: UI_TIMEOUT });
      expect(await page.getByTestId('field-usages').locator('li').allTextContents()).toEqual(['The display field of “Customer”', 'List view “All customers”']);
      expect(await page.locator('.ant-popconfirm').getByRole('button', { name: 'OK' }).isDisabled()).toBe(true);
      await page.keyboard.press('Escape');
      await page.getByTestId('studio-problems').click();
      await page.getByTestId('studio-problem').first().click();
      expect(await page.getByTestId('field-properties').locator('input').first().inputValue()).toBe('level');
      await page.getByTestId('field-label-en').fill('Level');

      // Another admin saves first: this studio's next save is refused and says so.
      await waitSaved(page);
      const current = await callApi<{ draft: AppDocument; draftRevision: number }>(suite.api, 'GET', `/api/apps/${suite.appId}`);
      await callApi(suite.api, 'PUT', `/api/apps/${suite.appId}/draft`, {
        document: { ...current.draft, label: { en: 'Renamed elsewhere' } },
        revision: current.draftRevision,
      });
      await page.getByTestId('field-label-zh').fill('客户等级');
      await page.getByTestId('studio-conflict').waitFor({ timeout: UI_TIMEOUT });
      expect(await page.getByTestId('conflict-their-changes').textContent()).toBe('label changed');
      const theirs = await callApi<{ draft: AppDocument }>(suite.api, 'GET', `/api/apps/${suite.appId}`);
      expect(theirs.draft.label).toEqual({ en: 'Renamed elsewhere' });
      await page.getByTestId('conflict-load-theirs').click();
      await page.getByTestId('studio-conflict').waitFor({ state: 'detached', timeout: UI_TIMEOUT });
      expect(errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);
  it('gives the form a rule in the formula editor — credit limit hidden and the level narrowed while the level is empty — and the preview follows it', async () => {
    const { page, errors, context } = await openPage(suite.browser, { baseURL: suite.server.baseUrl, width: 1600, height: 1000 });
    try {
      await openStudio(page, suite.appId);
      await page.getByRole('tab', { name: 'Rules' }).click();
      await page.getByTestId('rules-add').click();
      const rule = page.getByTestId('rule-rule_1');
      await rule.getByTestId('formula-editor-input').locator('.monaco-editor').waitFor({ timeout: UI_TIMEOUT });
      await rule.getByTestId('formula-editor-input').click();
      await page.keyboard.press('Control+a');
      await page.keyboard.insertText('ISBLANK(level)');
      await page.getByTestId('rule-rule_1-effect-0').getByLabel('Field').click();
      await page.locator('.ant-select-dropdown:visible').getByText('Credit limit', { exact: true }).click();
      await page.getByTestId('rule-rule_1-effect-0').getByRole('switch').click(); // visible: off
      // A second effect narrows a select: "Offer only", on the level (the first select), without "Normal".
      await page.getByTestId('rule-rule_1-add-effect').click();
      const narrowing = page.getByTestId('rule-rule_1-effect-1');
      await narrowing.getByLabel('Effect').click();
      await page.locator('.ant-select-dropdown:visible').getByText('Offer only', { exact: true }).click();
      await narrowing.locator('.ant-select-selection-item', { hasText: 'Normal' }).locator('.ant-select-selection-item-remove').click();
      await page.locator('[data-testid="studio-problems"][data-count="0"]').waitFor({ timeout: UI_TIMEOUT });
      await page.getByTestId('studio-preview').locator('#record-form_name').waitFor({ timeout: UI_TIMEOUT });
      expect(await page.getByTestId('studio-preview').locator('#record-form_credit').count()).toBe(0);
      // The preview offers only what the rule leaves, while the level is still empty.
      // Under load the open dropdown was once found closed before its options were read (a render
      // of the preview; which one is not established): open it again until they can be read.
      const level = page.getByTestId('studio-preview').locator('#record-form_level');
      const offered = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
      await expect
        .poll(
          async () => {
            if ((await offered.count()) === 0) await level.click();
            return offered.allTextContents();
          },
          { timeout: UI_TIMEOUT },
        )
        .toEqual(['Key account']);
      await page.keyboard.press('Escape');
      await page.screenshot({ path: join(ARTIFACTS, 'studio-rules.png') });
      await waitSaved(page);
      const saved = await callApi<{ draft: AppDocument }>(suite.api, 'GET', `/api/apps/${suite.appId}`);
      expect(saved.draft.forms?.[0]?.rules).toEqual([
        {
          id: 'rule_1',
          when: 'ISBLANK(level)',
          effects: [
            { kind: 'visible', field: 'credit', value: false },
            { kind: 'options', field: 'level', values: ['key'] },
          ],
        },
      ]);
      expect(errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);
});

describe('the studio: a new app from nothing', () => {
  const suite = useE2eSuite(customerApp);

  it('creates a blank app, adds an object and a field on its form, publishes it, and it opens for use', async () => {
    const { page, errors, context } = await openPage(suite.browser, { baseURL: suite.server.baseUrl, width: 1600, height: 1000 });
    try {
      await page.goto('/');
      await shellPage(page).signIn(E2E_ADMIN);
      await page.getByTestId('new-app').click();
      await page.getByTestId('new-app-id').fill('visits');
      await page.getByTestId('new-app-label-en').fill('Field visits');
      await page.getByTestId('new-app-label-zh').fill('外勤拜访');
      await page.getByRole('button', { name: 'Create and design' }).click();
      await page.waitForURL('**/studio/apps/visits', { timeout: UI_TIMEOUT });
      await page.getByTestId('studio').waitFor({ timeout: UI_TIMEOUT });

      await page.getByTestId('studio-new-object').click();
      await page.getByTestId('object-label-en').fill('Visit');
      await page.getByTestId('object-label-zh').fill('拜访');
      await pointerDrag(
        page,
        page.getByTestId('palette-type-date'),
        canvasPlace(page, () => page.getByTestId('drop-main-1')),
      );
      await page.getByTestId('canvas-node-f_date_1_1').waitFor({ timeout: UI_TIMEOUT });
      await page.getByTestId('node-field-label-en').fill('Visit date');
      await page.locator('[data-testid="studio-problems"][data-count="0"]').waitFor({ timeout: UI_TIMEOUT });

      await page.getByTestId('studio-publish').click();
      await page.getByTestId('publish-change').filter({ hasText: 'Object "object_1" added' }).waitFor({ timeout: UI_TIMEOUT });
      await confirmPublish(page, 1);

      await page.getByTestId('studio-open-app').click();
      await page.getByTestId('object-page-object_1').waitFor({ timeout: UI_TIMEOUT });
      await shellPage(page).openNewRecord();
      await page.locator('#record-form_date_1').waitFor({ timeout: UI_TIMEOUT });
      expect(errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);
});
