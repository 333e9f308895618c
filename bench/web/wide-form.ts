import { type Browser, openPage, type Page } from '@tessera/e2e/src/browser';
import { percentile } from '../shared/stats';
import { animationsDone, armRenderProbe, KEY_PROBE, keyTimes, renderTime } from './probes';

export interface WideFormFigures {
  /** Click on "New" right after the list shows: the drawer's code may still be on its way, ms. */
  unsettledOpenMs: number;
  /** The first open once the page has settled (a user reads the list first), ms. */
  firstRenderMs: number;
  /** The median of the next opens, ms. */
  warmRenderMs: number;
  /** Keydown → painted frame in the first field, sorted, ms. */
  keyTimes: number[];
}

interface Options {
  browser: Browser;
  baseUrl: string;
  sessionCookie: string;
  fieldCount: number;
  keys: number;
}

const NEW = '[data-testid="record-new"]';

async function listPage({ browser, baseUrl, sessionCookie }: Options): Promise<{ page: Page; close: () => Promise<void> }> {
  const { page, context } = await openPage(browser, { baseURL: baseUrl, locale: 'en', width: 1280, height: 900 });
  await context.addCookies([{ name: 'tessera_session', value: sessionCookie, url: baseUrl }]);
  await page.goto('/apps/wide/wide');
  await page.locator(NEW).waitFor();
  return { page, close: () => context.close() };
}

async function timedOpen(page: Page, last: string): Promise<number> {
  await armRenderProbe(page, NEW, last);
  await page.locator(NEW).click();
  const ms = await renderTime(page);
  await page.locator(last).waitFor({ state: 'attached' });
  return ms;
}

async function closeDrawer(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await page.getByTestId('record-drawer').waitFor({ state: 'hidden' });
}

/**
 * B6's form figures on the `wide` object (wide-app.ts): opening its create drawer, first on a
 * page clicked at once, then on one that has settled, five times; then typing into its first field.
 */
export async function measureWideForm(options: Options): Promise<WideFormFigures> {
  const last = `#record-form_f${String(options.fieldCount - 1).padStart(3, '0')}`;

  const hurried = await listPage(options);
  const unsettledOpenMs = await timedOpen(hurried.page, last);
  await hurried.close();

  const { page, close } = await listPage(options);
  try {
    // As a user reads the list before pressing New; the page loads the drawer's code meanwhile.
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(1000);
    const renders: number[] = [];
    for (let run = 0; run < 5; run += 1) {
      renders.push(await timedOpen(page, last));
      if (run < 4) await closeDrawer(page);
    }

    await animationsDone(page);
    await page.evaluate(KEY_PROBE);
    await page.locator('#record-form_f000').click();
    let typed = '';
    for (let i = 0; i < options.keys; i += 1) {
      const char = String.fromCharCode(97 + (i % 26));
      typed += char;
      await page.keyboard.type(char, { delay: 30 });
    }
    await page.waitForTimeout(100);
    // A figure from keystrokes that did not all land would mean nothing.
    const landed = await page.locator('#record-form_f000').inputValue();
    if (landed !== typed) throw new Error(`typed ${JSON.stringify(typed)} but the field holds ${JSON.stringify(landed)}`);

    return {
      unsettledOpenMs,
      firstRenderMs: renders[0]!,
      warmRenderMs: percentile(
        renders.slice(1).sort((a, b) => a - b),
        50,
      ),
      keyTimes: await keyTimes(page, 5),
    };
  } finally {
    await close();
  }
}
