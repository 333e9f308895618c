/**
 * What counts as the user starting to work on a page: a press, a key, a scroll wheel or a touch.
 * Not a pointer merely moving across it, nor the page becoming idle: code fetched on those would
 * arrive with every visit, whether or not the user ever uses it (docs/adr/0107).
 */
const FIRST_ACTS = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

/** Runs `task` once, on the user's first act on the page; returns a function that cancels it. */
export function whenUserActs(task: () => void): () => void {
  const controller = new AbortController();
  const once = () => {
    controller.abort();
    task();
  };
  for (const type of FIRST_ACTS) window.addEventListener(type, once, { capture: true, passive: true, signal: controller.signal });
  return () => controller.abort();
}
