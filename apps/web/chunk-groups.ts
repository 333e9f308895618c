import type { Rolldown } from 'vite';

/**
 * How the build cuts the web app into files (rolldown `codeSplitting.groups`, used by
 * vite.config.ts). Chunks are named for what they hold, so the build output says where the bytes
 * are (left to itself the bundler named one after its first module: a 448 KB `use-t` chunk that was
 * React DOM, antd's core and the message catalogues). Each file a page fetches costs ~1.2 KB of
 * response headers (the security headers are on every response), so what a page always needs
 * together is one file (docs/adr/0107, docs/adr/0043).
 */

type ChunkGroup = Rolldown.CodeSplittingGroup;

/** Modules of these node_modules packages (or folders of them: `antd/es/table`), wherever pnpm put them. */
function fromPackages(names: readonly string[]): RegExp {
  return new RegExp(`/node_modules/(?:\\.pnpm/[^/]+/node_modules/)?(?:${names.join('|')})(?:/|$)`);
}

const antd = (parts: readonly string[]) => parts.map((part) => `antd/es/${part}`);

/**
 * antd's parts that the sign-in page and the signed-in pages both show (and the bits of Form that
 * Input and Select reach for): one file for both.
 */
const ANTD_TEXT_INPUT = fromPackages([
  ...antd(['typography', 'input', 'flex', 'space', 'grid', 'alert', 'form/hooks/useForm\\.js', 'form/util\\.js']),
  'scroll-into-view-if-needed',
  'compute-scroll-into-view',
  '@rc-component/pagination/es/locale',
]);

/** antd's parts the signed-in shell (side menu, header) and a list show: one file, with what they import. */
const ANTD_LIST = fromPackages(
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
);

/**
 * Our small modules a list needs that other pages share (the app picker, the record drawer, Kanban,
 * the studio's preview): left to the bundler they were a dozen files of 1–4 KB each. Named one by
 * one: the group does not follow their imports, which reach antd through its index (followed, that
 * index brings every component).
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

/** Higher priority takes a module first; a group also takes what its modules import, unless told not to. */
export const CHUNK_GROUPS: ChunkGroup[] = [
  // React, the same in every release, a file of its own for the browser's cache.
  { name: 'react', priority: 4, test: fromPackages(['react', 'react-dom', 'scheduler']) },
  // Everything the entry imports statically: providers, the sign-in gate, antd's core.
  { name: 'first-page', priority: 3, tags: ['$initial'] },
  { name: 'antd-text-input', priority: 2, test: ANTD_TEXT_INPUT },
  { name: 'antd-list', priority: 1, test: ANTD_LIST },
  // One file per language: our texts, the host's and antd's, all loaded before the first render.
  { name: languageTextsChunk, test: LANGUAGE_TEXTS },
  { name: 'shared-icons', test: fromPackages(['@ant-design/icons', '@ant-design/icons-svg']), minShareCount: 2 },
  { name: 'list-shared', test: LIST_SHARED_MODULES, minShareCount: 2, includeDependenciesRecursively: false },
];
