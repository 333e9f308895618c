import type { Locator, Page } from 'playwright-core';
import type { DropPlace } from './pointer-drag';
import { shellPage } from './shell-page';
import { UI_TIMEOUT } from './timeouts';

/** A slot of the flow canvas: it lights up while a drag is on, and again under the pointer. */
export const flowSlot = (page: Page, target: Locator): DropPlace => ({
  target: () => target,
  dragging: () => target.and(page.locator('.flow-slot-active')),
  over: () => target.and(page.locator('.flow-slot-over')),
});

/** Types into an input as a person does: click, select what is there, then keys. */
export async function typeInto(page: Page, input: Locator, text: string): Promise<void> {
  await input.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(text);
}

/** Opens an antd select and clicks the option showing `option`. */
export async function pick(page: Page, select: Locator, option: string): Promise<void> {
  await select.click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).first().click();
}

/** The studio of `appId` at its flows section, signed in as `admin` on the way. */
export async function openStudioFlows(page: Page, appId: string, admin: { email: string; password: string }): Promise<void> {
  await page.goto(`/studio/apps/${appId}`);
  await shellPage(page).signIn(admin);
  await page.getByTestId('studio').waitFor({ timeout: UI_TIMEOUT });
  await page.getByTestId('studio-section-flows').click();
}

/** "New flow": its name (Chinese left empty when not given) and object, then waits for its canvas. */
export async function createFlow(page: Page, flow: { en: string; zh?: string; object: string }): Promise<void> {
  await page.getByTestId('flow-new').click();
  if (flow.zh) await typeInto(page, page.getByTestId('flow-new-label-zh'), flow.zh);
  await typeInto(page, page.getByTestId('flow-new-label-en'), flow.en);
  await pick(page, page.getByTestId('flow-new-object'), flow.object);
  await page.getByTestId('flow-new-ok').click();
  await page.getByTestId('flow-slot-main-0').waitFor({ timeout: UI_TIMEOUT });
}
