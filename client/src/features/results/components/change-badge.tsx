/** The change in points since the previous assessment: ▲ 5, ▼ 3 or "no change", spelled out for screen readers. */
export function ChangeBadge({ change }: { change: number | null }) {
  if (change === null) return <span className="muted">—</span>;
  const n = Math.round(change);
  if (n === 0) return <span className="change change--same">no change</span>;
  const up = n > 0;
  return (
    <span className={`change change--${up ? 'up' : 'down'}`}>
      <span aria-hidden="true">{up ? '▲' : '▼'}</span>
      <span className="visually-hidden">{up ? 'up' : 'down'}</span> {Math.abs(n)}
      <span className="visually-hidden"> points</span>
    </span>
  );
}
