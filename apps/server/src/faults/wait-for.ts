/**
 * Test-only: resolves once `condition` holds, checking every `everyMs`; fails with `what` after
 * `timeoutMs`. For conditions that live in another process or in PostgreSQL, which cannot call back.
 */
export async function waitFor(what: string, condition: () => boolean | Promise<boolean>, { timeoutMs = 30_000, everyMs = 20 } = {}): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
