import type { Page } from 'playwright-core';

/** One response as the browser received it: its bytes on the wire (headers and body, after any content encoding). */
export interface Transfer {
  url: string;
  /** Chromium's resource type: Script, Stylesheet, Document, Fetch, XHR, Image, Font, Other. */
  type: string;
  bytes: number;
  encoding: string | null;
  cacheControl: string | null;
}

export interface TransferLog {
  /** Every response finished since the log started. */
  transfers(): Transfer[];
  /** Forgets what was received so far (to count one page's download apart from the one before). */
  clear(): void;
  stop(): Promise<void>;
}

/**
 * What the page downloads, as Chromium's network layer counts it (CDP `Network.loadingFinished`
 * `encodedDataLength`): the bytes that actually came over the connection, so a compressed asset
 * counts its compressed size and a file served from the memory cache counts nothing.
 */
export async function logTransfers(page: Page): Promise<TransferLog> {
  const cdp = await page.context().newCDPSession(page);
  const responses = new Map<string, Omit<Transfer, 'bytes'>>();
  let finished: Transfer[] = [];
  cdp.on('Network.responseReceived', ({ requestId, type, response }) => {
    const header = (name: string): string | null => Object.entries(response.headers).find(([key]) => key.toLowerCase() === name)?.[1] ?? null;
    responses.set(requestId, { url: response.url, type, encoding: header('content-encoding'), cacheControl: header('cache-control') });
  });
  cdp.on('Network.loadingFinished', ({ requestId, encodedDataLength }) => {
    const response = responses.get(requestId);
    if (response) finished.push({ ...response, bytes: encodedDataLength });
  });
  await cdp.send('Network.enable');
  return {
    transfers: () => [...finished],
    clear: () => {
      finished = [];
    },
    stop: () => cdp.detach(),
  };
}

/** Kilobytes (1,024 bytes) of one kind of response, e.g. every Script. */
export function transferredKb(transfers: readonly Transfer[], type: string): number {
  return transfers.filter((t) => t.type === type).reduce((sum, t) => sum + t.bytes, 0) / 1024;
}
