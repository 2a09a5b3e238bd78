import { useEffect, useRef } from 'react';

export type SummaryItem = { id: string; message: string };

type ErrorSummaryProps = {
  items: SummaryItem[];
  title?: string;
  /** Focus moves to the summary whenever this changes (each submit attempt), not on every edit. */
  focusKey: number;
};

/** GOV.UK-style error summary: focused after a failed submit, each item links to its field. */
export function ErrorSummary({ items, title = 'There is a problem', focusKey }: ErrorSummaryProps) {
  const ref = useRef<HTMLDivElement>(null);
  const hasItems = items.length > 0;
  useEffect(() => {
    if (hasItems) ref.current?.focus();
  }, [focusKey]);
  if (!hasItems) return null;
  return (
    <div className="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1} ref={ref}>
      <h2 id="error-summary-title">{title}</h2>
      <ul>
        {items.map((item) => (
          <li key={item.id}>
            <a
              href={`#${item.id}`}
              onClick={(e) => {
                const target = document.getElementById(item.id);
                if (!target) return;
                e.preventDefault();
                target.focus();
                target.scrollIntoView({ block: 'center' });
              }}
            >
              {item.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
