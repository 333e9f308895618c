/**
 * B6 web (BENCHMARKS.md): the runtime's initial JavaScript, and in Debian's Chromium the first
 * render of a 200-field form and the time from a keystroke to the next painted frame.
 *
 *   pnpm bench:web [--fields 200] [--keys 40]
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { launchBrowser, openPage } from '@tessera/e2e/src/browser';
import { startServer, E2E_ADMIN } from '@tessera/e2e/src/server';
import { createPublishedApp, signInApi } from '@tessera/e2e/src/api';
import { numberArg } from '../shared/args';
import { formatTable, printKeys, progress } from '../shared/report';
import { percentile } from '../shared/stats';
import { initialJsGzipKb } from './initial-js';
import { wideApp } from './wide-app';
import { childTableReport, measureChildTable } from './childtable';

const fieldCount = numberArg('fields', 200);
const keys = numberArg('keys', 40);
// The e2e server serves the same folder (E2E_WEB_ROOT overrides both, for a private build).
const dist = process.env.E2E_WEB_ROOT ?? fileURLToPath(new URL('../../apps/web/dist/', import.meta.url));

/** Installed in the page: for each keydown, the time until the frame after it was painted. */
const KEY_PROBE = `(() => {
  window.__keyTimes = [];
  document.addEventListener('keydown', (event) => {
    const start = event.timeStamp;
    requestAnimationFrame(() => setTimeout(() => window.__keyTimes.push(performance.now() - start), 0));
  }, true);
})()`;

async function main(): Promise<void> {
  progress('building the web app');
  execFileSync('pnpm', ['--filter', '@tessera/web', 'exec', 'vite', 'build', '--outDir', dist, '--emptyOutDir'], { stdio: 'ignore' });
  const initial = initialJsGzipKb(dist);
  const server = await startServer();
  const browser = await launchBrowser();
  try {
    const session = await signInApi(server.baseUrl, E2E_ADMIN);
    await createPublishedApp(session, wideApp(fieldCount));
    const { page, context } = await openPage(browser, { baseURL: server.baseUrl, locale: 'en', width: 1280, height: 900 });
    await context.addCookies([{ name: 'tessera_session', value: session.cookie.split('=')[1] ?? '', url: server.baseUrl }]);
    await page.goto('/apps/wide/wide');
    await page.getByTestId('record-new').waitFor();
    const last = `#record-form_f${String(fieldCount - 1).padStart(3, '0')}`;
    const renders: number[] = [];
    for (let run = 0; run < 4; run += 1) {
      const start = await page.evaluate(() => performance.now());
      await page.getByTestId('record-new').click();
      await page.locator(last).waitFor();
      renders.push((await page.evaluate(() => new Promise<number>((resolve) => requestAnimationFrame(() => resolve(performance.now()))))) - start);
      await page.keyboard.press('Escape');
      await page.getByTestId('record-drawer').waitFor({ state: 'hidden' });
    }
    await page.getByTestId('record-new').click();
    await page.locator(last).waitFor();
    await page.evaluate(KEY_PROBE);
    await page.locator('#record-form_f000').click();
    let typed = '';
    for (let i = 0; i < keys; i += 1) {
      const char = String.fromCharCode(97 + (i % 26));
      typed += char;
      await page.keyboard.type(char, { delay: 30 });
    }
    await page.waitForTimeout(100);
    // The form's inputs start light and swap to antd's on the first hover or focus: a figure
    // from keystrokes that did not all land would mean nothing.
    const landed = await page.locator('#record-form_f000').inputValue();
    if (landed !== typed) throw new Error(`typed ${JSON.stringify(typed)} but the field holds ${JSON.stringify(landed)}`);
    const keyTimes = (await page.evaluate(() => (window as unknown as { __keyTimes: number[] }).__keyTimes)).slice(5).sort((a, b) => a - b);

    const firstRender = renders[0]!;
    const warmRender = percentile(renders.slice(1).sort((a, b) => a - b), 50);
    console.log(`\nB6 web: ${fieldCount}-field form, ${keys} keystrokes\n${formatTable([
      ['measure', 'value'],
      ['initial JS files', initial.files.map((f) => `${f.file} ${f.gzipKb.toFixed(1)} KB`).join(', ')],
      ['first render (incl. lazy drawer chunk) ms', firstRender.toFixed(1)],
      ['warm render (drawer chunk cached) ms', warmRender.toFixed(1)],
      ['keystroke p50 / p95 ms', `${percentile(keyTimes, 50).toFixed(1)} / ${percentile(keyTimes, 95).toFixed(1)}`],
    ])}\n`);
    const childTable = await measureChildTable({ browser, baseUrl: server.baseUrl, session, keyProbe: KEY_PROBE, keys });
    console.log(childTableReport(childTable, keys));
    printKeys({
      'B6.initial_js_gzip_kb': initial.kb,
      'B6.first_render_ms': firstRender,
      'B6.warm_render_ms': warmRender,
      'B6.keystroke_ms': percentile(keyTimes, 95),
      'B6.childtable_keystroke_ms': childTable.keystrokeP95,
    });
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
