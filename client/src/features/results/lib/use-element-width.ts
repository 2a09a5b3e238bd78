import { type RefObject, useEffect, useState } from 'react';

/**
 * The content width of `ref`'s element, kept current with a ResizeObserver (and around printing,
 * where the page narrows to the sheet). `fallback` is used until measured, or where there is no
 * observer (jsdom).
 */
export function useElementWidth(ref: RefObject<HTMLElement | null>, fallback: number): number {
  const [width, setWidth] = useState(fallback);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const measure = () => {
      const w = el.clientWidth;
      if (w > 0) setWidth(w);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    // A printed sheet is about 680 CSS px wide: draw for it so labels print at their real size.
    const beforePrint = () => setWidth(680);
    window.addEventListener('beforeprint', beforePrint);
    window.addEventListener('afterprint', measure);
    return () => {
      observer.disconnect();
      window.removeEventListener('beforeprint', beforePrint);
      window.removeEventListener('afterprint', measure);
    };
  }, [ref]);
  return width;
}
