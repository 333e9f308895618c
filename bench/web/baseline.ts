import type { Browser } from '@tessera/e2e/src/browser';
import { percentile } from '../shared/stats';
import { armRenderProbe, KEY_PROBE, keyTimes, renderTime } from './probes';

export interface Baseline {
  /** Click → painted frame holding `fields` bare labelled inputs, built in one go, ms (median of runs). */
  renderMs: number;
  /** Keydown → painted frame in a lone `<input>`, p95 ms. */
  keystrokeP95: number;
}

// Each field as the form runtime's plain markup has it (form > label box + control box > input),
// without any framework: what the browser itself needs to show that many fields.
const BARE_PAGE = `<!doctype html><button id="show">show</button><input id="lone"><div id="host"></div>
<script>
  document.getElementById('show').addEventListener('click', () => {
    const host = document.getElementById('host');
    host.textContent = '';
    const count = Number(host.dataset.count);
    let html = '';
    for (let i = 0; i < count; i += 1) {
      html += '<form><div><label for="f' + i + '">Field ' + i + '</label></div><div><div><input id="f' + i + '"></div></div></form>';
    }
    host.innerHTML = html;
  });
</script>`;

/**
 * The floor for B6's figures on this machine at this moment, timed by the same probes in the same
 * browser: a page that shows `fields` bare inputs on a click, and a keystroke into a lone input.
 */
export async function measureBaseline(browser: Browser, fields: number, keys: number): Promise<Baseline> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  try {
    await page.setContent(BARE_PAGE);
    await page.evaluate((count) => {
      document.getElementById('host')!.dataset.count = String(count);
    }, fields);
    const renders: number[] = [];
    for (let run = 0; run < 5; run += 1) {
      await armRenderProbe(page, '#show', `#f${fields - 1}`);
      await page.evaluate(() => {
        document.getElementById('host')!.textContent = '';
      });
      await page.click('#show');
      renders.push(await renderTime(page));
    }
    await page.evaluate(KEY_PROBE);
    await page.click('#lone');
    for (let i = 0; i < keys; i += 1) await page.keyboard.type(String.fromCharCode(97 + (i % 26)), { delay: 30 });
    await page.waitForTimeout(100);
    return {
      renderMs: percentile(
        renders.sort((a, b) => a - b),
        50,
      ),
      keystrokeP95: percentile(await keyTimes(page, 5), 95),
    };
  } finally {
    await page.close();
  }
}
