export type { FileStore } from './file-store';
export { localDiskStore } from './local-disk-store';
export { sniffImage } from './sniff';
