type ProgressBarProps = {
  /** 0..max */
  value: number;
  max?: number;
  /** Accessible name, e.g. "Upload of report.pdf". */
  label: string;
  /** Visible text next to the bar; defaults to the percentage. */
  valueText?: string;
  showLabel?: boolean;
  tone?: 'default' | 'success' | 'error';
};

/** A native <progress> styled as a bar, with a visible value. */
export function ProgressBar({
  value,
  max = 100,
  label,
  valueText,
  showLabel = false,
  tone = 'default',
}: ProgressBarProps) {
  const pct = max > 0 ? Math.round((Math.min(value, max) / max) * 100) : 0;
  const text = valueText ?? `${pct}%`;
  return (
    <div className={`progress progress--${tone}`}>
      {showLabel ? <span className="progress__label">{label}</span> : null}
      <progress value={Math.min(value, max)} max={max} aria-label={label} aria-valuetext={text} />
      <span className="progress__value" aria-hidden="true">
        {text}
      </span>
    </div>
  );
}
