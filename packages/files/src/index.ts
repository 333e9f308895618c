export type { FileStore } from './file-store';
export { localDiskStore } from './local-disk-store';
export { measureStream } from './measure-stream';
export { sniffImage } from './sniff';
