import type { DomainResult } from '../api/get-results';
import type { RadarPoint } from '../lib/radar-data';
import { ChangeBadge } from './change-badge';
import { ScoreBar } from './score-bar';

type ScoresTableProps = {
  points: RadarPoint[];
  /** Bands and change per domain, once the results endpoint has answered. */
  details?: ReadonlyMap<string, DomainResult>;
  /** Show the change column (there is an earlier assessment to compare with). */
  showChange?: boolean;
};

/** The chart's data as a table: the accessible and printable alternative, with proportional bars. */
export function ScoresTable({ points, details, showChange = false }: ScoresTableProps) {
  return (
    <table className="table scores-table">
      <caption>Score by domain (0–100)</caption>
      <thead>
        <tr>
          <th scope="col">#</th>
          <th scope="col">Domain</th>
          <th scope="col">Score</th>
          {details ? (
            <th scope="col" className="scores-table__band">
              Band
            </th>
          ) : null}
          {showChange ? <th scope="col">Change</th> : null}
          <th scope="col" className="scores-table__flag">
            Priority
          </th>
        </tr>
      </thead>
      <tbody>
        {points.map((p) => {
          const d = details?.get(p.id);
          return (
            <tr key={p.id} className={p.priority ? 'scores-table__priority' : undefined}>
              <td>{p.index}</td>
              <th scope="row">{p.name}</th>
              <td>
                {p.score === null ? (
                  'Not scored'
                ) : (
                  <span className="score-cell">
                    <ScoreBar score={p.score} band={d?.band.id} />
                    <span className="score-cell__value">{Math.round(p.score)}</span>
                  </span>
                )}
              </td>
              {details ? (
                <td className="scores-table__band">
                  {d ? <span className={`band band--${d.band.id}`}>{d.band.label}</span> : '—'}
                </td>
              ) : null}
              {showChange ? (
                <td>
                  <ChangeBadge change={d?.change ?? null} />
                </td>
              ) : null}
              <td className="scores-table__flag">{p.priority ? 'Priority' : '—'}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
