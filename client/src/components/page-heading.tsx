import { type ReactNode, useEffect, useRef } from 'react';

let firstRender = true;

/**
 * The page's h1. Sets the document title and, after client-side navigation, moves focus here so
 * screen reader and keyboard users start at the new page's top.
 */
export function PageHeading({ title, children }: { title: string; children?: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · ScaleMap`;
    if (firstRender) {
      firstRender = false;
      return;
    }
    ref.current?.focus({ preventScroll: false });
  }, [title]);
  return (
    <h1 ref={ref} tabIndex={-1} className="page-heading">
      {children ?? title}
    </h1>
  );
}
