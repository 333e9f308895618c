import { lazy } from 'react';

/**
 * The formula editor, loaded on first render: Monaco is a large chunk and only the studio needs
 * it, so importing this package never pulls it into the importer's chunk. Render inside <Suspense>.
 */
export const FormulaEditor = lazy(() => import('./formula-editor/formula-editor').then((m) => ({ default: m.FormulaEditor })));

export type { FormulaEditorProps } from './formula-editor/formula-editor';
export type { FormulaPreview } from './formula-editor/formula-preview-model';
export type { PreviewContext } from './formula-editor/use-formula-preview';
