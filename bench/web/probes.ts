import type { Page } from '@tessera/e2e/src/browser';

/**
 * How B6 times the page, from inside it: from the input event's own timestamp to the end of the
 * frame that shows its result (a task queued from that frame's animation callback runs after the
 * frame's style, layout and paint). Timing from inside the page leaves out Playwright's own work
 * (actionability checks, polling for the element, protocol round trips), which is not the app's.
 *
 * The browser runs with its frame-rate limit off (BROWSER_ARGS): with it on, every figure would
 * also hold the wait for the display's next vsync, a uniform 0–16.7 ms that no page can avoid and
 * that alone puts a bare `<input>` near 16 ms at p95. Off, the next frame starts once the main
 * thread is free, so the figures are the work a key or a click causes. The same probes time a bare
 * page (baseline.ts), the floor this machine sets at the moment of the run.
 */
export const BROWSER_ARGS = ['--disable-frame-rate-limit', '--disable-gpu-vsync'];

/**
 * The benchmarks wait for the page's animations to end (e2e/src/browser.ts) before typing: with
 * the frame-rate limit off, the compositor draws an animation as fast as it can and would crowd the
 * machine's cores while the typing is timed; a user who opens a form and goes to a field starts
 * typing after that anyway.
 */
export { animationsDone } from '@tessera/e2e/src/browser';

/** Installed in the page: for each keydown, the time until the frame after it was painted. */
export const KEY_PROBE = `(() => {
  window.__keyTimes = [];
  document.addEventListener('keydown', (event) => {
    const start = event.timeStamp;
    requestAnimationFrame(() => setTimeout(() => window.__keyTimes.push(performance.now() - start), 0));
  }, true);
})()`;

/** The keystroke times the probe collected, without the first `skip` (focus and widget warm-up). */
export async function keyTimes(page: Page, skip: number): Promise<number[]> {
  const times = await page.evaluate(() => (window as unknown as { __keyTimes: number[] }).__keyTimes);
  return times.slice(skip).sort((a, b) => a - b);
}

/**
 * Arms a one-shot probe: from the next click on `trigger` to the painted frame in which
 * `selector` is in the document. Resolve it with `renderTime` once the element is there.
 */
export async function armRenderProbe(page: Page, trigger: string, selector: string): Promise<void> {
  // A script, not a function: tsx would wrap the named arrows in a helper the page does not have.
  await page.evaluate(`(() => {
    const trigger = ${JSON.stringify(trigger)};
    const target = ${JSON.stringify(selector)};
    window.__render = new Promise((resolve) => {
      const onClick = (event) => {
        if (!(event.target instanceof Element) || !event.target.closest(trigger)) return;
        document.removeEventListener('click', onClick, true);
        const start = event.timeStamp;
        const painted = () => requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - start), 0));
        if (document.querySelector(target)) return painted();
        // Checked after each batch of DOM changes, so the frame awaited is the first one that holds it.
        const observer = new MutationObserver(() => {
          if (!document.querySelector(target)) return;
          observer.disconnect();
          painted();
        });
        observer.observe(document.body, { childList: true, subtree: true });
      };
      document.addEventListener('click', onClick, true);
    });
  })()`);
}

export async function renderTime(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { __render: Promise<number> }).__render);
}
