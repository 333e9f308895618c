/**
 * Monaco, imported lean: the editor core and only the contributions a formula needs. The full
 * `monaco-editor` entry pulls in every language and worker (~15 MB of build output).
 * Everything is bundled locally; nothing is fetched from a CDN.
 */
import * as monaco from 'monaco-editor/editor';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import 'monaco-editor/editor/browser/coreCommands';
import 'monaco-editor/editor/contrib/suggest/browser/suggestController';
import 'monaco-editor/features/hover/register';
import 'monaco-editor/features/parameterHints/register';
import 'monaco-editor/features/bracketMatching/register';
import 'monaco-editor/features/clipboard/register';
import 'monaco-editor/features/wordOperations/register';
import 'monaco-editor/features/codicon/register';

/** Language workers by Monaco's label ('json'), added by the modules that load a language. */
const languageWorkers = new Map<string, () => Worker>();

/** Gives Monaco a language's worker; the base editor worker serves every other label. */
export function registerLanguageWorker(label: string, create: () => Worker): void {
  languageWorkers.set(label, create);
}

// The base editor worker (text diffing, word ranges); formulas need no language worker.
self.MonacoEnvironment = { getWorker: (_id: string, label: string) => languageWorkers.get(label)?.() ?? new EditorWorker() };

export { monaco };
export type Monaco = typeof monaco;
