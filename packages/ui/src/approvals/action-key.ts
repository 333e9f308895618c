/**
 * An idempotency key for one intended action: made when the person opens the action, sent with
 * every try of it, so a double click or a retry after a lost answer acts once. getRandomValues,
 * not randomUUID: the app may be served over plain http on an intranet address.
 */
export function newActionKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
