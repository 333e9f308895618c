import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FileStore } from './file-store';
import { measureStream } from './measure-stream';

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Files under `root/ab/cd/<id>` (sharded so no folder grows huge). A file is written to a
 * temporary name and renamed when complete, so a failed upload never leaves half a file behind.
 * Ids are uuids minted by the server, checked here too: no path can escape `root`.
 */
export function localDiskStore(root: string): FileStore {
  const pathOf = (id: string) => {
    if (!ID.test(id)) throw new Error('invalid file id');
    return join(root, id.slice(0, 2), id.slice(2, 4), id);
  };
  return {
    async put(id, content) {
      const path = pathOf(id);
      await mkdir(join(path, '..'), { recursive: true });
      const measured = measureStream();
      const partial = `${path}.partial`;
      try {
        await pipeline(content, measured.stream, createWriteStream(partial));
        await rename(partial, path);
      } catch (error) {
        await rm(partial, { force: true });
        throw error;
      }
      return { size: measured.size(), sha256: measured.sha256() };
    },
    open: (id) => createReadStream(pathOf(id)),
    remove: (id) => rm(pathOf(id), { force: true }),
  };
}
