import type { Recommendation } from '../api/get-results';

/** Recommended next steps, grouped by priority domain: what to do, and the answer that prompted it. */
export function Recommendations({ items }: { items: Recommendation[] }) {
  const groups: { domainId: string; domainName: string; items: Recommendation[] }[] = [];
  for (const r of items) {
    let g = groups.find((x) => x.domainId === r.domainId);
    if (!g) {
      g = { domainId: r.domainId, domainName: r.domainName, items: [] };
      groups.push(g);
    }
    g.items.push(r);
  }
  return (
    <section className="recommendations" aria-labelledby="next-steps-title">
      <h2 id="next-steps-title">Recommended next steps</h2>
      {groups.length === 0 ? (
        <p>No domain stands out as a priority. Keep working on your lowest scores below.</p>
      ) : (
        <>
          <p className="muted">
            For each priority domain, the answers that held the score back most, and what to do about them.
          </p>
          {groups.map((g) => (
            <div key={g.domainId} className="card recommendation-group">
              <h3>{g.domainName}</h3>
              <ol className="recommendation-list">
                {g.items.map((r) => (
                  <li key={r.questionId} data-testid="recommendation">
                    <p className="recommendation__text">{r.text}</p>
                    <p className="recommendation__why">
                      You answered <strong>{r.answer}</strong> to “{r.question}”
                    </p>
                  </li>
                ))}
              </ol>
            </div>
          ))}
        </>
      )}
    </section>
  );
}
