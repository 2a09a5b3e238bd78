/**
 * A placeholder in the shape of what is coming, instead of a bare spinner. The label is announced
 * politely and shown to sighted users too, so a slow load never looks like a blank page.
 */
export function Skeleton({
  label = 'Loading…',
  variant = 'page',
}: {
  label?: string;
  variant?: 'page' | 'cards' | 'form';
}) {
  const blocks = variant === 'cards' ? 3 : variant === 'form' ? 4 : 2;
  return (
    <div className={`skeleton skeleton--${variant}`} role="status" data-testid="skeleton">
      <span className="skeleton__label">{label}</span>
      {variant === 'page' ? (
        <span className="skeleton__line skeleton__line--title" aria-hidden="true" />
      ) : null}
      {Array.from({ length: blocks }, (_, i) => (
        <span key={i} className="skeleton__block" aria-hidden="true" />
      ))}
    </div>
  );
}
