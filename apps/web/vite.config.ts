import react from '@vitejs/plugin-react';
import { visualizer } from 'rollup-plugin-visualizer';
import { defineConfig, type Plugin } from 'vite';
import { compression } from 'vite-plugin-compression2';
import { appSchemaValidatorSource } from '../../packages/meta/src/app-schema-source';
import { appSchema } from '../../schemas/src/app.schema';
import { CHUNK_GROUPS } from './chunk-groups';

/**
 * The studio checks app documents in the browser: their validator is generated here, ahead of
 * time, because compiling it there needs `new Function`, which our Content-Security-Policy forbids.
 */
function appSchemaValidatorAheadOfTime(): Plugin {
  return {
    name: 'tessera-app-schema-validator',
    enforce: 'pre',
    load(id) {
      return id.endsWith('/packages/meta/src/app-schema-validator.ts') ? appSchemaValidatorSource(appSchema) : null;
    },
  };
}

/**
 * Modules that only define functions and tables, for the server and the generated validators:
 * @tessera/expr's SQL compiler (and kysely under it), and @tessera/forms' validator formats and
 * region-level refusals (which pull in the national region table). The browser's form runtime
 * imports their packages but never these parts, so the bundle may drop them when nothing uses them.
 */
const DROPPABLE_WHEN_UNUSED = [
  /\/packages\/expr\/src\/sql-[^/]+\.ts$/,
  /\/packages\/forms\/src\/(?:form-formats|region-level-refusal)\.ts$/,
  /\/node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?kysely\//,
];

/**
 * The engines' packages (formulas, forms, formats) only define functions and tables, except their
 * `messages.ts`, which register their catalogues when imported, and the `index.ts` that imports
 * them for whoever uses the package (marked pure, the entry would be skipped for the modules it
 * re-exports, and its catalogue with it: the formula editor showed message codes). Said so, the
 * bundle keeps only what a page uses: the list's filter bar needs `fieldFormat` and the form
 * messages, not the formula engine with decimal.js nor the national region table (55 KB
 * received, docs/adr/0107).
 */
const PURE_PACKAGE_SOURCES = /\/packages\/(?:expr|forms|formats)\/src\/(?!messages\.ts$|index\.ts$).*\.ts$/;

function hasImportTimeEffects(id: string): boolean {
  return !PURE_PACKAGE_SOURCES.test(id) && !DROPPABLE_WHEN_UNUSED.some((pattern) => pattern.test(id));
}

const bundleReport = process.env.TESSERA_BUNDLE_REPORT as 'treemap' | 'list' | undefined;

// The server (apps/server) serves `dist/` and answers `/api`; in development Vite proxies to it.
export default defineConfig({
  plugins: [
    react(),
    appSchemaValidatorAheadOfTime(),
    // Brotli and gzip copies of every hashed asset, made once at build time, for the server to send
    // as they are (apps/server asset-routes.ts); index.html is left out: the server writes its own.
    compression({ algorithms: ['brotliCompress', 'gzip'], include: /\.(?:js|css|svg|json|wasm|ttf)$/, threshold: 1024, logLevel: 'silent' }),
    // `TESSERA_BUNDLE_REPORT=treemap pnpm --filter @tessera/web build` (or `=list` for plain text) writes
    // dist-report/: which modules each chunk holds, with their Brotli sizes (docs/adr/0107).
    ...(bundleReport
      ? [visualizer({ filename: `dist-report/bundle.${bundleReport === 'list' ? 'yml' : 'html'}`, template: bundleReport, brotliSize: true })]
      : []),
  ],
  server: {
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
  preview: {
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // antd's core (config provider, layout, menu) lands in the entry chunk; table and form stay lazy.
    chunkSizeWarningLimit: 900,
    rolldownOptions: {
      // About 100 KB less for the record drawer to fetch before its first paint.
      treeshake: { moduleSideEffects: hasImportTimeEffects },
      output: { codeSplitting: { groups: CHUNK_GROUPS } },
    },
  },
});
