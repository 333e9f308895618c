import { type Browser, openPage } from '@tessera/e2e/src/browser';
import { percentile } from '../shared/stats';

/**
 * Installed in the page: for each `drag` event (Chromium fires one on the dragged element per
 * pointer move, before the dragenter that moves react-dnd's hover; dragover it fires on a timer,
 * not per move), the time until the frame after it was painted.
 */
const DRAG_PROBE = `(() => {
  window.__dragTimes = [];
  document.addEventListener('drag', (event) => {
    const start = event.timeStamp;
    requestAnimationFrame(() => setTimeout(() => window.__dragTimes.push(performance.now() - start), 0));
  }, true);
})()`;

interface Options {
  browser: Browser;
  baseUrl: string;
  sessionCookie: string;
  appId: string;
  fieldCount: number;
  moves: number;
}

export interface DesignerDragFigures {
  /** A drag move (its `drag` event) → painted frame, sorted, ms. */
  moveTimes: number[];
  p50: number;
  p95: number;
}

/**
 * B6.designer_drag_ms: in the studio's form designer on a `fieldCount`-field form, a real
 * pointer drag of a new field from the palette over the canvas's drop places (each move changes
 * which place is highlighted), timed from each move to the painted frame after it.
 */
export async function measureDesignerDrag({ browser, baseUrl, sessionCookie, appId, fieldCount, moves }: Options): Promise<DesignerDragFigures> {
  const { page, context } = await openPage(browser, { baseURL: baseUrl, locale: 'en', width: 1600, height: 1000 });
  try {
    await context.addCookies([{ name: 'tessera_session', value: sessionCookie, url: baseUrl }]);
    await page.goto(`/studio/apps/${appId}`);
    const lastField = `f${String(fieldCount - 1).padStart(3, '0')}`;
    await page.getByTestId(`canvas-node-f_${lastField}`).waitFor({ state: 'attached' });
    await page.waitForLoadState('networkidle');

    await page.evaluate(DRAG_PROBE);
    const source = await page.getByTestId('palette-type-text').boundingBox();
    if (!source) throw new Error('palette not on screen');
    await page.mouse.move(source.x + source.width / 2, source.y + source.height / 2);
    await page.mouse.down();
    await page.mouse.move(source.x + source.width / 2 + 10, source.y + source.height / 2 + 10, { steps: 3 });
    await page.locator('.studio-canvas-dragging').waitFor();
    // The drop places on screen once they have grown for the drag.
    const slots: { x: number; y: number; width: number; height: number }[] = [];
    for (let i = 0; i < fieldCount && slots.length < 16; i += 1) {
      const box = await page.getByTestId(`drop-main-${i}`).boundingBox();
      if (box && box.y + box.height < 1000) slots.push(box);
    }
    await page.evaluate(() => {
      (window as unknown as { __dragTimes: number[] }).__dragTimes = []; // only the moves over the canvas count
    });
    for (let i = 0; i < moves; i += 1) {
      const box = slots[i % slots.length];
      if (!box) break;
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 2 });
    }
    await page.waitForTimeout(200); // the last frames' timings land
    await page.keyboard.press('Escape');
    await page.mouse.up();
    const times = await page.evaluate(() => (window as unknown as { __dragTimes: number[] }).__dragTimes);
    const moveTimes = times.slice(3).sort((a, b) => a - b);
    return { moveTimes, p50: percentile(moveTimes, 50), p95: percentile(moveTimes, 95) };
  } finally {
    await context.close();
  }
}
