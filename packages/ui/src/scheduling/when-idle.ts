interface IdleTiming {
  /** Run by then even if the browser never idles (a busy page, an animation drawn unthrottled). */
  timeout: number;
  /** Where the browser has no idle callback (Safari, test DOMs): run after this many ms instead. */
  otherwiseAfter: number;
}

/** Runs `task` once the browser is idle, with the limits above; returns a function that cancels it. */
export function whenIdle(task: () => void, { timeout, otherwiseAfter }: IdleTiming): () => void {
  if (typeof window.requestIdleCallback === 'function') {
    const handle = window.requestIdleCallback(task, { timeout });
    return () => window.cancelIdleCallback(handle);
  }
  const handle = window.setTimeout(task, otherwiseAfter);
  return () => window.clearTimeout(handle);
}
