import react from '@vitejs/plugin-react';
import { visualizer } from 'rollup-plugin-visualizer';
import { defineConfig, type Plugin } from 'vite';
import { compression } from 'vite-plugin-compression2';
import { appSchemaValidatorSource } from '../../packages/meta/src/app-schema-source';
import { appSchema } from '../../schemas/src/app.schema';

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

/**
 * Chunks named for what they hold, so the build output says where the bytes are (left to itself
 * the bundler named one after the first module in it: a 448 KB `use-t` chunk that was React DOM,
 * antd's core and the message catalogues). `first-page` is everything the entry imports
 * statically — the sign-in page and what every page needs — in one file rather than ~45 small
 * ones, each of which cost ~1.2 KB of response headers (docs/adr/0107). React, the same in every
 * release, stays a file of its own for the browser's cache.
 */
/** Modules of these node_modules packages (or folders of them: `antd/es/table`), wherever pnpm put them. */
function fromPackages(names: readonly string[]): RegExp {
  return new RegExp(`/node_modules/(?:\\.pnpm/[^/]+/node_modules/)?(?:${names.join('|')})(?:/|$)`);
}

/**
 * Our small modules a list needs that other pages share (the app picker, the record drawer, Kanban,
 * the studio's preview): left to the bundler they were a dozen files of 1–4 KB each, and each
 * costs ~1.2 KB of response headers (docs/adr/0043).
 */
const LIST_SHARED_MODULES = new RegExp(
  [
    '/apps/web/src/shell/approvals-button\\.tsx$',
    '/apps/web/src/auth/(?:use-)?user-menu\\.tsx?$',
    '/packages/ui/src/shell/navigation-icons\\.tsx$',
    '/schemas/src/[^/]+\\.ts$',
    '/packages/formats/src/[^/]+\\.ts$',
    '/packages/forms/src/(?:field-rules|index|messages)\\.ts$',
    '/packages/ui/src/(?:scheduling/when-user-acts|data-transfer/imports-api|format/field-format|form-runtime/widget-loader)\\.tsx?$',
    '/packages/ui/src/records/(?:form-values|lazy-record-drawer)\\.tsx?$',
    '/packages/ui/src/list-view/(?:field-label|list-link)\\.ts$',
    '/packages/ui/src/objects/(?:field-cell|list-columns)\\.tsx?$',
    '/packages/ui/src/widgets/(?:region-path|department-(?:api|names|tree|cell)|use-departments|use-user-name|user-names|user-cell|widget-api|dormant-badge|file-(?:cell|values)|rich-text-(?:cell|values)|signature-(?:image|values)|use-file-source|child-table/child-row)\\.tsx?$',
  ].join('|'),
);

/** A language's texts: ours (`*-zh-cn.ts`), the host's (`host-en.ts`) and antd's locale (`locale/zh_CN.js`). */
const LANGUAGE_TEXTS = /(?:\/i18n\/[^/]+-(zh-cn|en)\.ts|\/antd\/es\/locale\/(zh_CN|en_US)\.js)$/;

function languageTextsChunk(id: string): string | null {
  const match = LANGUAGE_TEXTS.exec(id);
  if (!match) return null;
  return (match[1] ?? match[2]) === 'en' || match[2] === 'en_US' ? 'texts-en' : 'texts-zh-cn';
}

const antd = (parts: readonly string[]) => parts.map((part) => `antd/es/${part}`);

const EAGER_GROUPS = [
  { name: 'react', priority: 4, test: /\/node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?(?:react|react-dom|scheduler)\// },
  { name: 'first-page', priority: 3, tags: ['$initial' as const] },
  {
    name: 'antd-text-input',
    priority: 2,
    test: fromPackages([
      ...antd(['typography', 'input', 'flex', 'space', 'grid', 'alert', 'form/hooks/useForm\\.js', 'form/util\\.js']),
      'scroll-into-view-if-needed',
      'compute-scroll-into-view',
      '@rc-component/pagination/es/locale',
    ]),
  },
  {
    name: 'antd-list',
    priority: 1,
    test: fromPackages(
      antd([
        'menu',
        'tag',
        'dropdown',
        'layout',
        'empty',
        'popover',
        'table',
        'pagination',
        'select',
        'drawer',
        'modal',
        'avatar',
        'badge',
        'segmented',
        'skeleton',
        'tooltip',
        'checkbox',
      ]),
    ),
  },
  // One file per language: our texts, the host's and antd's, all three loaded before the first render.
  { name: languageTextsChunk, test: LANGUAGE_TEXTS },
  { name: 'shared-icons', test: fromPackages(['@ant-design/icons', '@ant-design/icons-svg']), minShareCount: 2 },
  {
    name: 'list-shared',
    test: LIST_SHARED_MODULES,
    minShareCount: 2,
    // Its modules import antd through the package's index: followed, that index brings every component.
    includeDependenciesRecursively: false,
  },
];

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
      output: { codeSplitting: { groups: EAGER_GROUPS } },
    },
  },
});
