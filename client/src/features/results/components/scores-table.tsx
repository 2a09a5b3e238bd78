import type { RadarPoint } from '../lib/radar-data';

/** The chart's data as a table: the accessible and printable alternative. */
export function ScoresTable({ points }: { points: RadarPoint[] }) {
  return (
    <table className="table scores-table">
      <caption>Score by domain (0–100)</caption>
      <thead>
        <tr>
          <th scope="col">#</th>
          <th scope="col">Domain</th>
          <th scope="col">Score</th>
          <th scope="col">Priority</th>
        </tr>
      </thead>
      <tbody>
        {points.map((p) => (
          <tr key={p.id} className={p.priority ? 'scores-table__priority' : undefined}>
            <td>{p.index}</td>
            <th scope="row">{p.name}</th>
            <td>
              {p.score === null ? (
                'Not scored'
              ) : (
                <span className="score-cell">
                  <span
                    className="score-cell__bar"
                    style={{ inlineSize: `${p.score}%` }}
                    aria-hidden="true"
                  />
                  <span>{Math.round(p.score)}</span>
                </span>
              )}
            </td>
            <td>{p.priority ? 'Priority' : '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
