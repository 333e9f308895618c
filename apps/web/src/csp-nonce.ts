/**
 * The Content-Security-Policy allows a `<style>` element only with this page's nonce, which the
 * server writes into index.html's `csp-nonce` meta on every load (ADR 0087). antd takes it
 * through ConfigProvider's `csp`; Monaco creates its style elements with no such option, so every
 * style element made by our own scripts gets it at creation. Markup injected into the page is
 * parsed, not created by a script, and so never carries it.
 */
export const cspNonce: string | undefined = document.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]')?.nonce || undefined;

/** Installed on import: main.tsx imports this module first, before any library makes a style element. */
function nonceScriptCreatedStyles(nonce: string): void {
  const createElement = Document.prototype.createElement;
  Document.prototype.createElement = function createElementWithNonce(this: Document, tagName: string, options?: ElementCreationOptions) {
    const element = createElement.call(this, tagName, options);
    if (element instanceof HTMLStyleElement) element.nonce = nonce;
    return element;
  } as typeof Document.prototype.createElement;
}

if (cspNonce) nonceScriptCreatedStyles(cspNonce);
