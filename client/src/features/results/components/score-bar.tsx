/**
 * A score out of 100 as a bar whose filled length is exactly the score's share of a fixed track, on
 * screen and in print (an SVG, so no stylesheet cap can flatten 60, 65 and 70 to one length).
 */
export function ScoreBar({ score, band }: { score: number; band?: string }) {
  const value = Math.min(100, Math.max(0, score));
  return (
    <svg
      className={`score-bar${band ? ` score-bar--${band}` : ''}`}
      viewBox="0 0 100 10"
      preserveAspectRatio="none"
      aria-hidden="true"
      focusable="false"
      data-testid="score-bar"
    >
      <rect className="score-bar__track" x="0" y="0" width="100" height="10" rx="2" />
      <rect className="score-bar__fill" x="0" y="0" width={value} height="10" rx="2" />
    </svg>
  );
}
