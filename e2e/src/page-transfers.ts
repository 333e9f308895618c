import { loadTemplate } from '@tessera/templates';
import type { Browser } from 'playwright-core';
import { openPage } from './browser';
import { shellPage } from './shell-page';
import { UI_TIMEOUT } from './timeouts';
import { logTransfers, type Transfer } from './transfer';

/** The demo CRM a new user meets: its customer list is the list page measured. */
export const DEMO_CRM = loadTemplate('crm')!.document;

/**
 * What a browser receives on a first visit of the sign-in page: everything until the network
 * is quiet, in a fresh context (an empty cache). Shared by the e2e test and B6 (bench/web), so
 * both count alike.
 */
export async function signInPageTransfers(browser: Browser, baseUrl: string): Promise<Transfer[]> {
  const { page, context } = await openPage(browser, { baseURL: baseUrl, locale: 'zh-CN' });
  try {
    const log = await logTransfers(page);
    await page.goto('/');
    await page.getByTestId('sign-in-page').waitFor({ timeout: UI_TIMEOUT });
    await page.waitForLoadState('networkidle', { timeout: UI_TIMEOUT });
    return log.transfers();
  } finally {
    await context.close();
  }
}

/**
 * What a browser receives for the first list page a signed-in user opens (`listPath`, e.g.
 * `/apps/crm/objects/customer`): the user signs in on the sign-in page, then the list opens in a
 * fresh context holding only that session (an empty cache), until its rows and total show and the
 * network is quiet.
 */
export async function listPageTransfers(browser: Browser, baseUrl: string, listPath: string, user: { email: string; password: string }): Promise<Transfer[]> {
  const first = await openPage(browser, { baseURL: baseUrl, locale: 'zh-CN' });
  try {
    await first.page.goto('/');
    await shellPage(first.page).signIn(user);
    const cookies = await first.context.cookies();
    const { page, context } = await openPage(browser, { baseURL: baseUrl, locale: 'zh-CN' });
    try {
      await context.addCookies(cookies);
      const log = await logTransfers(page);
      await page.goto(listPath);
      await shellPage(page).rows().first().waitFor({ timeout: UI_TIMEOUT });
      await page.getByTestId('record-total').waitFor({ timeout: UI_TIMEOUT });
      await page.waitForLoadState('networkidle', { timeout: UI_TIMEOUT });
      return log.transfers();
    } finally {
      await context.close();
    }
  } finally {
    await first.context.close();
  }
}
