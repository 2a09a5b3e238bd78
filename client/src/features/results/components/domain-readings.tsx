import type { DomainResult } from '../api/get-results';
import { ChangeBadge } from './change-badge';
import { ScoreBar } from './score-bar';

/** Every domain in plain language: its band and what the score means for a company at that stage. */
export function DomainReadings({ domains, showChange }: { domains: DomainResult[]; showChange: boolean }) {
  return (
    <section className="readings" aria-labelledby="readings-title">
      <h2 id="readings-title">What your scores mean</h2>
      <ul className="reading-list">
        {domains.map((d, i) => (
          <li key={d.domainId} className={`reading${d.priority ? ' reading--priority' : ''}`}>
            <div className="reading__head">
              <h3>
                {i + 1}. {d.name}
              </h3>
              <span className={`band band--${d.band.id}`}>{d.band.label}</span>
            </div>
            <div className="score-cell">
              <ScoreBar score={d.score} band={d.band.id} />
              <span className="score-cell__value">{Math.round(d.score)}</span>
              {showChange ? <ChangeBadge change={d.change} /> : null}
              {d.priority ? <span className="badge badge--priority">Priority</span> : null}
            </div>
            <p>{d.reading}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
