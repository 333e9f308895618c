import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * The JavaScript a first visit downloads before anything lazy: the entry script and every module
 * index.html preloads, gzip-compressed as a server would send them.
 */
export function initialJsGzipKb(distDir: string): { kb: number; files: { file: string; gzipKb: number }[] } {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const urls = [...html.matchAll(/<script[^>]+src="([^"]+\.js)"/g), ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g)].map(
    (m) => m[1] ?? '',
  );
  const files = [...new Set(urls)].map((url) => {
    const file = url.replace(/^\//, '');
    return { file, gzipKb: gzipSync(readFileSync(join(distDir, file)), { level: 9 }).length / 1024 };
  });
  return { kb: files.reduce((sum, f) => sum + f.gzipKb, 0), files };
}
