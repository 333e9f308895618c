import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { animationsDone } from './browser';
import { ARTIFACTS } from './suite';
import { UI_TIMEOUT } from './timeouts';

/** Where a drag lands, as the page shows it. */
export interface DropPlace {
  /** The drop place (measured once the drag is on: places grow for a drag). */
  target: () => Locator;
  /** Visible while the page is in a drag. */
  dragging: () => Locator;
  /** Visible when the page sees the pointer over the place. */
  over: () => Locator;
  /** Where in the place's box to let go; its centre unless said (a drop low in a tall column). */
  at?: (box: { x: number; y: number; width: number; height: number }) => { x: number; y: number };
}

/**
 * A real pointer drag: press on the source, move in steps (react-dnd's HTML5 backend sees native
 * drag events), release on the place once it shows the pointer over it.
 *
 * Playwright drives an HTML5 drag only if, right after the move that starts it, it can ask the page
 * whether a dragstart happened; on a machine this busy (load 20–40 on 2 cores) the page is still
 * rendering the drag's first frame, the question times out, and Playwright sends no drag events:
 * the page sits in a drag nobody moves. Then the gesture is ended (the dragend the browser would
 * have sent) and made again, as a person whose drag did not take would.
 */
export async function pointerDrag(page: Page, source: Locator, place: DropPlace): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    if (await dragOnce(page, source, place)) {
      await page.mouse.up();
      return;
    }
    // Let go away from every drop place: if the drag was moving after all, it lands nowhere.
    await page.mouse.move(4, 4, { steps: 4 });
    await page.mouse.up();
    if (attempt === 4) {
      await page.screenshot({ path: join(ARTIFACTS, 'pointer-drag-failed.png') });
      throw new Error(`the drop place never saw the drag, in ${attempt} attempts`);
    }
    await page.evaluate(() => document.body.dispatchEvent(new DragEvent('dragend', { bubbles: true })));
    await place.dragging().waitFor({ state: 'detached', timeout: UI_TIMEOUT });
  }
}

/** One press, move and hover; true when the place shows the pointer over it (the button is still down). */
async function dragOnce(page: Page, source: Locator, place: DropPlace): Promise<boolean> {
  // As a person looks before they drag: the page has loaded its lazy parts and stopped moving.
  await page.waitForLoadState('networkidle');
  await animationsDone(page);
  const from = await source.boundingBox();
  if (!from) throw new Error('drag source not on screen');
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 12, from.y + from.height / 2 + 12, { steps: 4 });
  await place.dragging().waitFor({ timeout: UI_TIMEOUT });
  const to = await place.target().boundingBox();
  if (!to) throw new Error('drop target not on screen');
  const point = place.at ? place.at(to) : { x: to.x + to.width / 2, y: to.y + to.height / 2 };
  await page.mouse.move(point.x, point.y, { steps: 12 });
  // Leave the place and come back in, as a hand would, before deciding the drag did not take.
  for (let nudge = 0; nudge < 5 && (await place.over().count()) === 0; nudge += 1) {
    await page.mouse.move(point.x, to.y - 8, { steps: 2 });
    await page.mouse.move(point.x, point.y, { steps: 2 });
  }
  return place
    .over()
    .waitFor({ timeout: 3_000 })
    .then(() => true)
    .catch(() => false);
}
