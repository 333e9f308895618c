import { createPublishedApp, createRecord, signInApi } from '@tessera/e2e/src/api';
import type { Browser } from '@tessera/e2e/src/browser';
import { DEMO_CRM, listPageTransfers, signInPageTransfers } from '@tessera/e2e/src/page-transfers';
import { E2E_ADMIN } from '@tessera/e2e/src/server';
import { type Transfer, transferredKb } from '@tessera/e2e/src/transfer';
import { formatTable } from '../shared/report';

const CUSTOMERS = 60;

export interface PageTransfer {
  /** JavaScript received, KB: the B6 figure. */
  scriptKb: number;
  /** Everything received (document, styles, API answers), KB. */
  allKb: number;
  scripts: number;
  /** Every script received, largest first: where the bytes are, file by file. */
  bySize: Transfer[];
}

function summarize(transfers: readonly Transfer[]): PageTransfer {
  const scripts = transfers.filter((t) => t.type === 'Script');
  return {
    scriptKb: transferredKb(transfers, 'Script'),
    allKb: transfers.reduce((sum, t) => sum + t.bytes, 0) / 1024,
    scripts: scripts.length,
    bySize: [...scripts].sort((a, b) => b.bytes - a.bytes),
  };
}

/**
 * B6's bytes: what Chromium receives from our server (after its compression, from a cold cache)
 * for the sign-in page and for the demo CRM's customer list, the first page a signed-in user opens.
 */
export async function measurePageTransfers(browser: Browser, baseUrl: string): Promise<{ signIn: PageTransfer; list: PageTransfer }> {
  const session = await signInApi(baseUrl, E2E_ADMIN);
  const appId = await createPublishedApp(session, DEMO_CRM);
  for (let i = 0; i < CUSTOMERS; i++) await createRecord(session, appId, 'customer', { name: `客户 ${i}`, tier: 'A', status: 'active' });
  const signIn = summarize(await signInPageTransfers(browser, baseUrl));
  const list = summarize(await listPageTransfers(browser, baseUrl, `/apps/${appId}/objects/customer`, E2E_ADMIN));
  return { signIn, list };
}

export function pageTransferReport({ signIn, list }: { signIn: PageTransfer; list: PageTransfer }): string {
  const row = (name: string, page: PageTransfer) => [
    name,
    page.scriptKb,
    page.scripts,
    page.allKb,
    page.bySize.map((t) => `${t.url.replace(/.*\/assets\//, '')} ${(t.bytes / 1024).toFixed(0)}`).join(', '),
  ];
  return `\nB6 bytes received (first visit in a fresh context, as Chromium counts them)\n${formatTable([
    ['page', 'JS KB', 'JS files', 'all KB', 'every script, largest first (KB)'],
    row('sign-in', signIn),
    row('first list (demo CRM customers)', list),
  ])}\n`;
}
