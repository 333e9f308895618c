import { type RefObject, useLayoutEffect, useState } from 'react';

const MIN_HEIGHT = 320;

/**
 * The height that lets an element fill the window below where it starts, leaving `reserve`
 * pixels under it (the footer), and never less than a usable minimum. A virtual table needs a
 * fixed body height; this one follows window resizes and the toolbar above growing a line.
 */
export function useFillHeight(ref: RefObject<HTMLElement | null>, reserve: number, watch: RefObject<HTMLElement | null>): number {
  const [height, setHeight] = useState(MIN_HEIGHT);
  useLayoutEffect(() => {
    const measure = () => {
      const element = ref.current;
      if (!element) return;
      // Where the element starts on the page, wherever the page is scrolled to.
      const scroller = element.closest<HTMLElement>('.tessera-content');
      const top = element.getBoundingClientRect().top + (scroller?.scrollTop ?? 0);
      setHeight(Math.max(MIN_HEIGHT, Math.floor(window.innerHeight - top - reserve)));
    };
    measure();
    window.addEventListener('resize', measure);
    const observer = new ResizeObserver(measure);
    if (watch.current) observer.observe(watch.current);
    return () => {
      window.removeEventListener('resize', measure);
      observer.disconnect();
    };
  }, [ref, reserve, watch]);
  return height;
}
