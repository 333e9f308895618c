import { type ApiSession, callApi, createPublishedApp } from '@tessera/e2e/src/api';
import { type launchBrowser, openPage } from '@tessera/e2e/src/browser';
import { formatTable, progress } from '../shared/report';
import { percentile } from '../shared/stats';
import { childTableApp, quoteLines } from './childtable-app';
import { animationsDone, armRenderProbe, KEY_PROBE, keyTimes, renderTime } from './probes';

export interface ChildTableFigures {
  lines: number;
  /** Edit on the record page → the painted frame showing the drawer with its lines, ms. */
  openMs: number;
  /** Rows in the DOM once open: what virtualization keeps on screen. */
  rowsInDom: number;
  /** Keydown → next painted frame while typing in one cell, ms. */
  keystrokeP50: number;
  keystrokeP95: number;
  /** Save with one cell changed: the PATCH that writes every line, ms. */
  saveMs: number;
}

interface Options {
  browser: Awaited<ReturnType<typeof launchBrowser>>;
  baseUrl: string;
  session: ApiSession;
  lines?: number;
  keys: number;
}

/**
 * B6 child table: a quote with 1,000 lines (text, date, select, number, currency, percent and a
 * computed amount), opened in the record drawer; typing into one cell, timed from keydown to the
 * next painted frame; then one save of all lines.
 */
export async function measureChildTable({ browser, baseUrl, session, lines = 1000, keys }: Options): Promise<ChildTableFigures> {
  progress(`child table: publishing and creating a quote with ${lines} lines`);
  const appId = await createPublishedApp(session, childTableApp());
  const quote = await callApi<{ id: string }>(session, 'POST', `/api/apps/${appId}/objects/quote/records`, {
    values: { name: 'Big quote', lines: quoteLines(lines) },
  });

  const { page, context } = await openPage(browser, { baseURL: baseUrl, locale: 'en', width: 1280, height: 900 });
  try {
    await context.addCookies([{ name: 'tessera_session', value: session.cookie.split('=')[1] ?? '', url: baseUrl }]);
    // From the record page (its own view of the lines is paged), Edit opens the drawer with all of them.
    await page.goto(`/apps/${appId}/objects/quote/records/${quote.id}`);
    const edit = page.getByTestId('record-page-edit');
    await edit.waitFor();
    // As a user reads the record before pressing Edit; the page loads the drawer's code meanwhile.
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(1000);
    const firstCell = '[data-testid="child-table-lines"] [data-index="0"] [data-field="product"] input';
    await armRenderProbe(page, '[data-testid="record-page-edit"]', firstCell);
    await edit.click();
    const openMs = await renderTime(page);
    const rowsInDom = await page.getByTestId('child-table-row').count();

    progress(`child table: typing ${keys} keys into one cell`);
    await animationsDone(page);
    await page.evaluate(KEY_PROBE);
    const cell = page.locator('[data-testid="child-table-lines"] [data-index="3"] [data-field="product"] input');
    await cell.click();
    await page.keyboard.press('End');
    for (let i = 0; i < keys; i += 1) await page.keyboard.type(String.fromCharCode(97 + (i % 26)), { delay: 30 });
    await page.waitForTimeout(100);
    const times = await keyTimes(page, 6); // the click's End key and the first keys warm up

    const saved = page.waitForResponse((r) => r.request().method() === 'PATCH' && r.url().includes('/objects/quote/records/'));
    const saveStart = Date.now();
    await page.getByTestId('record-save').click();
    const response = await saved;
    if (response.status() !== 200) throw new Error(`saving the lines → ${response.status()}: ${await response.text()}`);
    const saveMs = Date.now() - saveStart;

    return { lines, openMs, rowsInDom, keystrokeP50: percentile(times, 50), keystrokeP95: percentile(times, 95), saveMs };
  } finally {
    await context.close();
  }
}

/** The figures as a table for the console, after run.ts's own. */
export function childTableReport(figures: ChildTableFigures, keys: number, bareKeystrokeP95: number): string {
  return `B6 child table: ${figures.lines} lines, ${keys} keystrokes in one cell\n${formatTable([
    ['measure', 'value'],
    ['open the record (drawer with its lines) ms', figures.openMs.toFixed(1)],
    ['rows in the DOM (virtualized)', figures.rowsInDom],
    ['keystroke p50 / p95 ms', `${figures.keystrokeP50.toFixed(1)} / ${figures.keystrokeP95.toFixed(1)}`],
    ['keystroke p95 / bare input p95', (figures.keystrokeP95 / bareKeystrokeP95).toFixed(2)],
    ['save all lines ms', figures.saveMs],
  ])}\n`;
}
