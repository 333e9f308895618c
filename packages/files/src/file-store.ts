import type { Readable } from 'node:stream';

/**
 * Where uploaded bytes live. The local disk is the default; an object store (S3, OSS, MinIO)
 * implements the same three calls.
 */
export interface FileStore {
  /** Stores the stream under `id`; resolves with its size and SHA-256 once fully written. */
  put(id: string, content: Readable): Promise<{ size: number; sha256: string }>;
  open(id: string): Readable;
  remove(id: string): Promise<void>;
}
