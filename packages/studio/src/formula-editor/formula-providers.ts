import { type CompletionItem, completions, hover, signatureHelp } from '@tessera/expr';
import type { editor, IRange, languages } from 'monaco-editor/editor';
import { FORMULA_LANGUAGE_ID, FORMULA_THEME, formulaLanguageConfiguration, formulaMonarch, formulaTheme } from './formula-language';
import { type FormulaSession, sessionOf } from './formula-session';
import type { Monaco } from './monaco-setup';
import { offsetsToRange, positionToOffset, type TextPosition } from './offsets';

let registered = false;

interface Cursor {
  readonly session: FormulaSession;
  readonly text: string;
  readonly offset: number;
}

/** The model's session and the cursor as a UTF-16 offset, or null for a model no editor of ours owns. */
function cursorOf(model: editor.ITextModel, position: TextPosition): Cursor | null {
  const session = sessionOf(model.uri.toString());
  if (!session) return null;
  const text = model.getValue();
  return { session, text, offset: positionToOffset(text, position) };
}

/** Markdown would read `*`, `_`, `[` in labels and examples as formatting. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!<>|]/g, '\\$&');
}

/** Parameter ranges inside the signature label, so Monaco underlines the active one even if a name repeats. */
export function parameterOffsets(signature: string, parameters: readonly string[]): [number, number][] {
  let from = signature.indexOf('(') + 1;
  return parameters.map((name) => {
    const start = signature.indexOf(name, from);
    if (start < 0) return [0, 0];
    from = start + name.length;
    return [start, from];
  });
}

function completionKind(monaco: Monaco, item: CompletionItem): languages.CompletionItemKind {
  if (item.kind === 'field') return monaco.languages.CompletionItemKind.Field;
  if (item.kind === 'function') return monaco.languages.CompletionItemKind.Function;
  return monaco.languages.CompletionItemKind.Keyword;
}

function toSuggestion(monaco: Monaco, item: CompletionItem, range: IRange): languages.CompletionItem {
  // Fields can be found by label or by id (the detail starts with the id).
  const fieldId = item.kind === 'field' ? (item.detail.split(':')[0] ?? '') : '';
  return {
    label: item.label,
    kind: completionKind(monaco, item),
    insertText: item.insertText,
    detail: item.detail,
    filterText: fieldId ? `${item.label} ${fieldId}` : item.label,
    // Fields of the object first: they are what an admin is most often looking for.
    sortText: `${item.kind === 'field' ? '0' : '1'}${item.label}`,
    range,
    ...(item.documentation ? { documentation: item.documentation } : {}),
    // Accepting a function lands inside its parentheses: show what it takes straight away.
    ...(item.kind === 'function' ? { command: { id: 'editor.action.triggerParameterHints', title: '' } } : {}),
  };
}

function registerCompletion(monaco: Monaco): void {
  monaco.languages.registerCompletionItemProvider(FORMULA_LANGUAGE_ID, {
    triggerCharacters: ['[', '.'],
    provideCompletionItems(model, position) {
      const cursor = cursorOf(model, position);
      if (!cursor) return { suggestions: [] };
      const items = completions(cursor.text, cursor.offset, cursor.session.options, cursor.session.locale);
      return { suggestions: items.map((item) => toSuggestion(monaco, item, offsetsToRange(cursor.text, item.range))) };
    },
  });
}

function registerSignatureHelp(monaco: Monaco): void {
  monaco.languages.registerSignatureHelpProvider(FORMULA_LANGUAGE_ID, {
    signatureHelpTriggerCharacters: ['(', ','],
    signatureHelpRetriggerCharacters: [','],
    provideSignatureHelp(model, position) {
      const cursor = cursorOf(model, position);
      if (!cursor) return null;
      const help = signatureHelp(cursor.text, cursor.offset, cursor.session.locale);
      if (!help) return null;
      const signature: languages.SignatureInformation = {
        label: help.signature,
        documentation: { value: `${escapeMarkdown(help.documentation)}\n\n\`${help.example.replace(/`/g, '')}\`` },
        parameters: parameterOffsets(help.signature, help.parameters).map((label) => ({ label })),
      };
      return { value: { signatures: [signature], activeSignature: 0, activeParameter: help.activeParameter }, dispose: () => undefined };
    },
  });
}

function registerHover(monaco: Monaco): void {
  monaco.languages.registerHoverProvider(FORMULA_LANGUAGE_ID, {
    provideHover(model, position) {
      const cursor = cursorOf(model, position);
      if (!cursor) return null;
      const info = hover(cursor.text, cursor.offset, cursor.session.options, cursor.session.locale);
      if (!info?.contents) return null;
      const [head = '', ...rest] = info.contents.split('\n');
      const contents = [{ value: `\`${head.replace(/`/g, '')}\`` }, ...rest.map((line) => ({ value: escapeMarkdown(line) }))];
      return { range: offsetsToRange(cursor.text, info.range), contents };
    },
  });
}

/** Registers the language, its colours and its providers once per page, whatever the number of editors. */
export function registerFormulaLanguage(monaco: Monaco): void {
  if (registered) return;
  registered = true;
  monaco.languages.register({ id: FORMULA_LANGUAGE_ID });
  monaco.languages.setLanguageConfiguration(FORMULA_LANGUAGE_ID, formulaLanguageConfiguration);
  monaco.languages.setMonarchTokensProvider(FORMULA_LANGUAGE_ID, formulaMonarch);
  monaco.editor.defineTheme(FORMULA_THEME, formulaTheme);
  registerCompletion(monaco);
  registerSignatureHelp(monaco);
  registerHover(monaco);
}
