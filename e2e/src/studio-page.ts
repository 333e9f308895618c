import type { Page } from 'playwright-core';
import { type OpenedPage, openPage } from './browser';
import { shellPage } from './shell-page';
import type { E2eSuite } from './suite';
import { UI_TIMEOUT } from './timeouts';

/** In the open publish review: confirms, then waits until the studio shows the new live version. */
export async function confirmPublish(page: Page, version: number): Promise<void> {
  await page.getByTestId('publish-confirm').click();
  await page
    .getByTestId('studio-live-version')
    .filter({ hasText: `version ${version}` })
    .waitFor({ timeout: UI_TIMEOUT });
}

/** A fresh English page of the suite's app signed in as `person` (a rep, say) at `path`: what they see once the admin published. */
export async function openSignedIn(suite: E2eSuite, person: { email: string; password: string }, path: string): Promise<OpenedPage> {
  const opened = await openPage(suite.browser, { baseURL: suite.server.baseUrl, locale: 'en' });
  await opened.page.goto(path);
  await shellPage(opened.page).signIn(person);
  return opened;
}
