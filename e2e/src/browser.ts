import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

// For the benchmarks, which drive pages through this package rather than depend on playwright-core.
export type { Browser, Page };

/**
 * Debian's Chromium, never a downloaded browser (docs: TOOLCHAIN.md, Browser tests). The flags
 * keep it from phoning home (updates, sync, QUIC probes) so tests run the same offline.
 */
export const CHROMIUM_PATH = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** `extraArgs` are added to CHROMIUM_ARGS (a benchmark turns the frame-rate limit off, for one). */
export async function launchBrowser(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, ...extraArgs], headless: true });
}

export interface PageOptions {
  baseURL: string;
  locale?: 'zh-CN' | 'en';
  width?: number;
  height?: number;
}

export interface OpenedPage {
  context: BrowserContext;
  page: Page;
  /** Uncaught exceptions and console errors seen so far: a test can assert there were none. */
  errors: string[];
}

/** A fresh context (own storage, own language) and a page that records what went wrong in it. */
export async function openPage(browser: Browser, options: PageOptions): Promise<OpenedPage> {
  const context = await browser.newContext({
    baseURL: options.baseURL,
    locale: options.locale ?? 'en',
    viewport: { width: options.width ?? 1280, height: options.height ?? 800 },
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  return { context, page, errors };
}

/**
 * Waits until no CSS animation or transition runs on the page (antd's drawer slide-in, its option
 * lists sliding in and out, a button's click wave: up to a second).
 */
export async function animationsDone(page: Page, timeout = 5000): Promise<void> {
  await page.waitForFunction(() => document.getAnimations().length === 0, undefined, { timeout, polling: 50 });
}
