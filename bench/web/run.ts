/**
 * B6 web (BENCHMARKS.md): the JavaScript bytes Chromium receives from our server for the sign-in
 * page and the first signed-in list page (page-transfer.ts), and in Debian's Chromium the first
 * render of a 200-field form and the time from a keystroke to the next painted frame, each beside
 * the same probe on a bare page (baseline.ts), the floor of this machine at the time of the run.
 *
 * It also times a pointer drag in the studio's form designer over the same 200 fields.
 *
 *   pnpm bench:web [--fields 200] [--keys 60] [--drag-moves 120] [--bytes-only]
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createPublishedApp, signInApi } from '@tessera/e2e/src/api';
import { launchBrowser } from '@tessera/e2e/src/browser';
import { E2E_ADMIN, startServer } from '@tessera/e2e/src/server';
import { flagArg, numberArg } from '../shared/args';
import { formatTable, printKeys, progress } from '../shared/report';
import { percentile } from '../shared/stats';
import { measureBaseline } from './baseline';
import { childTableReport, measureChildTable } from './childtable';
import { measureDesignerDrag } from './designer-drag';
import { initialJsGzipKb } from './initial-js';
import { measurePageTransfers, pageTransferReport } from './page-transfer';
import { BROWSER_ARGS } from './probes';
import { wideApp } from './wide-app';
import { measureWideForm } from './wide-form';

const fieldCount = numberArg('fields', 200);
const keys = numberArg('keys', 60);
const dragMoves = numberArg('drag-moves', 120);
// The e2e server serves the same folder (E2E_WEB_ROOT overrides both, for a private build).
const dist = process.env.E2E_WEB_ROOT ?? fileURLToPath(new URL('../../apps/web/dist/', import.meta.url));

async function main(): Promise<void> {
  progress('building the web app');
  execFileSync('pnpm', ['--filter', '@tessera/web', 'exec', 'vite', 'build', '--outDir', dist, '--emptyOutDir'], { stdio: 'ignore' });
  const initial = initialJsGzipKb(dist);
  const server = await startServer();
  const browser = await launchBrowser(BROWSER_ARGS);
  try {
    progress('bytes received: the sign-in page and the demo CRM customer list');
    const transfer = await measurePageTransfers(browser, server.baseUrl);
    console.log(pageTransferReport(transfer));
    const bytesKeys = {
      'B6.initial_js_gzip_kb': initial.kb,
      'B6.signin_transfer_kb': transfer.signIn.scriptKb,
      'B6.list_transfer_kb': transfer.list.scriptKb,
    };
    if (flagArg('bytes-only')) return printKeys(bytesKeys);
    progress('baseline: a bare page');
    const baseline = await measureBaseline(browser, fieldCount, keys);
    const session = await signInApi(server.baseUrl, E2E_ADMIN);
    await createPublishedApp(session, wideApp(fieldCount));
    progress(`${fieldCount}-field form: opening the create drawer, typing ${keys} keys`);
    const sessionCookie = session.cookie.split('=')[1] ?? '';
    const form = await measureWideForm({ browser, baseUrl: server.baseUrl, sessionCookie, fieldCount, keys });

    const keystrokeP95 = percentile(form.keyTimes, 95);
    const largest = [...initial.files].sort((a, b) => b.gzipKb - a.gzipKb).slice(0, 3);
    console.log(
      `\nB6 web: ${fieldCount}-field form, ${keys} keystrokes (bare page: the same probes on plain DOM)\n${formatTable([
        ['measure', 'Tessera', 'bare page', 'ratio'],
        ['initial JS KB gzip', initial.kb, '', ''],
        [`  ${initial.files.length} files, largest`, largest.map((f) => `${f.file.replace('assets/', '')} ${f.gzipKb.toFixed(0)}`).join(', '), '', ''],
        ['open at once, code maybe still loading ms', form.unsettledOpenMs, '', ''],
        ['first render, click → painted ms', form.firstRenderMs, baseline.renderMs, form.firstRenderMs / baseline.renderMs],
        ['next renders ms, median of 4', form.warmRenderMs, baseline.renderMs, form.warmRenderMs / baseline.renderMs],
        ['keystroke → painted ms, p50', percentile(form.keyTimes, 50), '', ''],
        ['keystroke → painted ms, p95', keystrokeP95, baseline.keystrokeP95, keystrokeP95 / baseline.keystrokeP95],
      ])}\n`,
    );
    const childTable = await measureChildTable({ browser, baseUrl: server.baseUrl, session, keys });
    console.log(childTableReport(childTable, keys, baseline.keystrokeP95));
    progress(`studio: dragging a new field over the ${fieldCount}-field form's drop places, ${dragMoves} moves`);
    const drag = await measureDesignerDrag({ browser, baseUrl: server.baseUrl, sessionCookie, appId: 'wide', fieldCount, moves: dragMoves });
    console.log(
      `\nB6 studio: drag over a ${fieldCount}-field form (${drag.moveTimes.length} moves)\n${formatTable([
        ['measure', 'Tessera', 'bare page keystroke', 'ratio'],
        ['drag move → painted ms, p50', drag.p50, '', ''],
        ['drag move → painted ms, p95', drag.p95, baseline.keystrokeP95, drag.p95 / baseline.keystrokeP95],
      ])}\n`,
    );
    printKeys({
      ...bytesKeys,
      'B6.first_render_ms': form.firstRenderMs,
      'B6.warm_render_ms': form.warmRenderMs,
      'B6.unsettled_open_ms': form.unsettledOpenMs,
      'B6.bare_render_ms': baseline.renderMs,
      'B6.keystroke_ms': keystrokeP95,
      'B6.bare_keystroke_ms': baseline.keystrokeP95,
      'B6.childtable_keystroke_ms': childTable.keystrokeP95,
      'B6.designer_drag_ms': drag.p95,
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
