import type { IncomingMessage } from 'node:http';

/** Beyond this much unread body the answer goes out anyway and the connection is closed. */
const DRAIN_CAP_BYTES = 64 * 1024 * 1024;

/**
 * Reads and discards what is left of a request body. An answer sent while the client is still
 * uploading (413, 415) is followed by `Connection: close`; closing a socket with unread bytes makes
 * the kernel send a reset, and the client sees that instead of our problem. Draining first lets it
 * read the answer.
 */
export function drainRequestBody(raw: IncomingMessage): Promise<void> {
  if (raw.complete || raw.readableEnded || raw.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    let seen = 0;
    const done = () => {
      raw.off('data', onData).off('end', done).off('error', done).off('close', done);
      resolve();
    };
    const onData = (chunk: Buffer | string) => {
      seen += chunk.length;
      if (seen > DRAIN_CAP_BYTES) done();
    };
    raw.on('data', onData).on('end', done).on('error', done).on('close', done);
    raw.resume();
  });
}
