import { FUNCTION_DOCS } from '@tessera/expr';
import type { editor, languages } from 'monaco-editor/editor';

/** The Monaco language id of formulas; one registration serves every formula editor on the page. */
export const FORMULA_LANGUAGE_ID = 'tessera-formula';
export const FORMULA_THEME = 'tessera-formula';

/** Operators that are also functions (`AND(a, b)`) colour as keywords, like `a AND b`. */
export const FORMULA_KEYWORDS = ['AND', 'OR', 'NOT', 'TRUE', 'FALSE'] as const;
export const FORMULA_FUNCTIONS: readonly string[] = FUNCTION_DOCS.map((doc) => doc.name).filter(
  (name) => !FORMULA_KEYWORDS.some((keyword) => keyword === name),
);

/**
 * The same token classes as `@tessera/expr`'s lexer (see formula-language.test.ts, which runs these
 * rules against `tokenize`). Strings may span lines, so they get a state of their own.
 */
export const formulaMonarch: languages.IMonarchLanguage = {
  ignoreCase: true,
  unicode: true,
  defaultToken: 'invalid',
  keywords: [...FORMULA_KEYWORDS],
  functions: [...FORMULA_FUNCTIONS],
  brackets: [{ open: '(', close: ')', token: 'delimiter.parenthesis' }],
  tokenizer: {
    root: [
      [/\s+/, 'white'],
      [/"/, 'string', '@string'],
      [/\[[^\]]*\]/, 'variable.field'],
      [/\[[^\]]*$/, 'variable.invalid'],
      [/\d+(?:\.\d+)?|\.\d+/, 'number'],
      [/[\p{L}_][\p{L}\p{N}_]*/u, { cases: { '@keywords': 'keyword', '@functions': 'predefined', '@default': 'variable.name' } }],
      [/<=|>=|<>|[-+*/^&=<>]/, 'operator'],
      [/[()]/, '@brackets'],
      [/[,.]/, 'delimiter'],
    ],
    string: [
      [/[^"]+/, 'string'],
      [/""/, 'string.escape'],
      [/"/, 'string', '@pop'],
    ],
  },
};

export const formulaLanguageConfiguration: languages.LanguageConfiguration = {
  brackets: [
    ['(', ')'],
    ['[', ']'],
  ],
  autoClosingPairs: [
    { open: '(', close: ')' },
    { open: '"', close: '"', notIn: ['string'] },
  ],
  surroundingPairs: [
    { open: '(', close: ')' },
    { open: '"', close: '"' },
    { open: '[', close: ']' },
  ],
  // Field labels may contain CJK and `_`; completion and hover work on whole words of either.
  wordPattern: /[\p{L}_][\p{L}\p{N}_]*|\d+(?:\.\d+)?/u,
};

/** Colours on top of the light theme: fields stand out from functions, which stand out from text. */
export const formulaTheme: editor.IStandaloneThemeData = {
  base: 'vs',
  inherit: true,
  rules: [
    { token: 'predefined', foreground: '795E26', fontStyle: 'bold' },
    { token: 'keyword', foreground: '0000FF' },
    { token: 'variable.field', foreground: '0070C1' },
    { token: 'variable.name', foreground: '001080' },
    { token: 'variable.invalid', foreground: 'CD3131' },
    { token: 'string', foreground: 'A31515' },
    { token: 'string.escape', foreground: 'EE0000' },
    { token: 'number', foreground: '098658' },
    { token: 'operator', foreground: '000000' },
    { token: 'invalid', foreground: 'CD3131', fontStyle: 'underline' },
  ],
  colors: {},
};
