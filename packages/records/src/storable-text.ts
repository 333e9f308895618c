const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why PostgreSQL cannot store this text: a NUL (refused in text and jsonb), a lone UTF-16 surrogate (refused in jsonb); null when it can. */
export function unstorableText(value: string): 'request.nul_character' | 'request.lone_surrogate' | null {
  if (value.includes('\u0000')) return 'request.nul_character';
  return LONE_SURROGATE.test(value) ? 'request.lone_surrogate' : null;
}
