import type { Locator, Page } from 'playwright-core';
import type { DropPlace } from './pointer-drag';

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
