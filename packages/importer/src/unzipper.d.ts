// The part of unzipper (exceljs's own unzip library) the sheet list uses; it ships no types.
declare module 'unzipper' {
  import type { Duplex, Readable } from 'node:stream';

  interface Entry extends Readable {
    path: string;
    buffer(): Promise<Buffer>;
    autodrain(): { promise(): Promise<void> };
  }

  export function Parse(options?: { forceStream?: boolean }): Duplex & AsyncIterable<Entry>;
}
