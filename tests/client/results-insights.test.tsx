import '@testing-library/jest-dom';
import { render, screen, within } from '@testing-library/react';
import type { DomainResult, Results } from '../../client/src/features/results/api/get-results';
import { DomainReadings } from '../../client/src/features/results/components/domain-readings';
import { OverallSummary } from '../../client/src/features/results/components/overall-summary';
import { RadarChart } from '../../client/src/features/results/components/radar-chart';
import { Recommendations } from '../../client/src/features/results/components/recommendations';
import { ScoreBar } from '../../client/src/features/results/components/score-bar';
import { ScoresTable } from '../../client/src/features/results/components/scores-table';
import { radarGeometry, radarLayout } from '../../client/src/features/results/lib/radar-data';
import { DOMAIN_NAMES } from '../support/domain-names';

const domains = DOMAIN_NAMES.map((name, i) => ({ id: `d${i + 1}`, name }));
const BANDS: { id: DomainResult['band']['id']; label: string; min: number; max: number; summary: string }[] =
  [
    { id: 'critical', label: 'Critical gap', min: 0, max: 39, summary: 'Gaps that will stall growth.' },
    { id: 'developing', label: 'Developing', min: 40, max: 59, summary: 'Foundations exist but are uneven.' },
    { id: 'established', label: 'Established', min: 60, max: 79, summary: 'Works today; needs tuning.' },
    { id: 'scale-ready', label: 'Scale-ready', min: 80, max: 100, summary: 'Ready to grow.' },
  ];
const band = (s: number) => BANDS.find((b) => s >= b.min && s <= b.max)!;
const domainResults: DomainResult[] = domains.map((d, i) => {
  const score = 25 + i * 6;
  return {
    domainId: d.id,
    name: d.name,
    score,
    band: { id: band(score).id, label: band(score).label },
    reading: `Reading for ${d.name}.`,
    previousScore: i === 11 ? null : score - (i % 3) * 4,
    change: i === 11 ? null : (i % 3) * 4,
    priority: i < 2,
  };
});
const results: Results = {
  assessmentId: 'a2',
  name: 'Q4 board review',
  submittedAt: '2026-12-01T10:00:00Z',
  overall: { score: 58, band: { id: 'developing', label: 'Developing' } },
  domains: domainResults,
  priorityDomains: ['d1', 'd2'],
  recommendations: [
    {
      domainId: 'd1',
      domainName: DOMAIN_NAMES[0]!,
      questionId: 'q1',
      question: 'How clear is your three-year vision?',
      answer: '1 — Not written down',
      text: 'Write the three-year vision on one page and test it with every manager this month.',
    },
    {
      domainId: 'd2',
      domainName: DOMAIN_NAMES[1]!,
      questionId: 'q2',
      question: 'How many months of runway do you have?',
      answer: '4 months',
      text: 'Build a 13-week cash forecast and review it weekly with the CEO.',
    },
  ],
  previous: { assessmentId: 'a1', name: 'Q3 baseline', submittedAt: '2026-09-01T10:00:00Z' },
};

describe('Score bars', () => {
  it('when scores are 60, 65 and 70, then the bars have three different, proportional lengths', () => {
    const { container } = render(
      <>
        <ScoreBar score={60} />
        <ScoreBar score={65} />
        <ScoreBar score={70} />
        <ScoreBar score={140} />
      </>,
    );
    const widths = [...container.querySelectorAll('.score-bar__fill')].map((r) =>
      Number(r.getAttribute('width')),
    );
    const tracks = [...container.querySelectorAll('.score-bar__track')].map((r) =>
      Number(r.getAttribute('width')),
    );
    expect(widths).toEqual([60, 65, 70, 100]);
    expect(new Set(tracks)).toEqual(new Set([100]));
  });

  it('then the scores table draws one bar per domain, each the length of its score', () => {
    const g = radarGeometry(
      domains,
      domainResults.map((d) => ({ domainId: d.domainId, score: d.score })),
      ['d1', 'd2'],
    );
    render(
      <ScoresTable
        points={g.points}
        details={new Map(domainResults.map((d) => [d.domainId, d]))}
        showChange
      />,
    );
    const table = screen.getByRole('table', { name: 'Score by domain (0–100)' });
    const fills = [...table.querySelectorAll('.score-bar__fill')].map((r) => Number(r.getAttribute('width')));
    expect(fills).toEqual(domainResults.map((d) => d.score));
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows[0]).toHaveTextContent('Critical gap');
    expect(rows[11]).toHaveTextContent('Scale-ready');
    expect(rows[11]).toHaveTextContent('—');
    expect(rows[1]).toHaveTextContent('up 4 points');
    expect(rows[0]).toHaveTextContent('no change');
  });
});

describe('Radar legibility', () => {
  it('when drawn for a phone, then the chart is one unit per pixel and uses numbers with ring labels off the axes', () => {
    const layout = radarLayout(296);
    expect(layout).toMatchObject({ width: 296, height: 296, labels: 'numbers' });
    const g = radarGeometry(domains, [{ domainId: 'd1', score: 20 }], ['d1'], layout);
    const { container } = render(<RadarChart geometry={g} labels="numbers" title="Scores" />);
    const svg = container.querySelector('svg')!;
    expect(svg.getAttribute('viewBox')).toBe('0 0 296 296');
    expect(svg.getAttribute('width')).toBe('296');
    const labels = [...container.querySelectorAll('.radar__label')].map((t) => t.textContent);
    expect(labels).toEqual(domains.map((_, i) => String(i + 1)));
    // The "20" ring label must not sit on the first axis, where a priority marker at 20 is drawn.
    const tick20 = [...container.querySelectorAll('.radar__tick')].find((t) => t.textContent === '20')!;
    expect(Math.abs(Number(tick20.getAttribute('x')) - g.center.x)).toBeGreaterThan(5);
  });

  it('when drawn for a desktop, then names sit beside the axes and the chart keeps its pixel size', () => {
    const layout = radarLayout(772);
    expect(layout.labels).toBe('names');
    expect(layout.width).toBe(772);
    expect(layout.radius).toBeGreaterThanOrEqual(180);
    const g = radarGeometry(domains, [], [], layout);
    const { container } = render(<RadarChart geometry={g} labels="names" title="Scores" />);
    expect(container.querySelector('.radar__label')).toHaveTextContent(
      /^1\. Strategic Alignment\s?& Vision$/,
    );
  });

  it('when there is an earlier assessment, then its scores are drawn as a second outline', () => {
    const g = radarGeometry(
      domains.slice(0, 3),
      [
        { domainId: 'd1', score: 50 },
        { domainId: 'd2', score: 50 },
        { domainId: 'd3', score: 50 },
      ],
      [],
      { previous: domains.slice(0, 3).map((d) => ({ domainId: d.id, score: 40 })) },
    );
    expect(g.previousPolygon?.split(' ')).toHaveLength(3);
    expect(radarGeometry(domains, [], []).previousPolygon).toBeNull();
  });
});

describe('Results insights', () => {
  it('then the headline gives the overall band, what it means and the change since the previous assessment', () => {
    render(<OverallSummary results={results} bands={BANDS} />);
    const card = screen.getByTestId('overall-summary');
    expect(card).toHaveTextContent('58');
    expect(card).toHaveTextContent('Developing');
    expect(card).toHaveTextContent('Foundations exist but are uneven.');
    expect(screen.getByTestId('overall-change')).toHaveTextContent(/^Compared with Q3 baseline/);
  });

  it('when every domain has an earlier score, then the headline shows the overall change in points', () => {
    const all = results.domains.map((d) => ({ ...d, previousScore: d.score - 4, change: 4 }));
    render(<OverallSummary results={{ ...results, domains: all }} bands={BANDS} />);
    expect(screen.getByTestId('overall-change')).toHaveTextContent(/^▲up 4 points since Q3 baseline/);
  });

  it('when there is no earlier assessment, then it says how to see progress instead', () => {
    render(<OverallSummary results={{ ...results, previous: null }} bands={BANDS} />);
    expect(screen.queryByTestId('overall-change')).not.toBeInTheDocument();
    expect(screen.getByText(/Take the assessment again/)).toBeInTheDocument();
  });

  it('then next steps are grouped by priority domain with the answer that prompted each', () => {
    render(<Recommendations items={results.recommendations} />);
    expect(screen.getByRole('heading', { name: 'Recommended next steps' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: DOMAIN_NAMES[0] })).toBeInTheDocument();
    const items = screen.getAllByTestId('recommendation');
    expect(items).toHaveLength(2);
    expect(items[1]).toHaveTextContent('Build a 13-week cash forecast');
    expect(items[1]).toHaveTextContent('You answered 4 months to “How many months of runway do you have?”');
  });

  it('then every domain has its band and plain-language reading', () => {
    render(<DomainReadings domains={domainResults} showChange />);
    const items = within(screen.getByRole('region', { name: 'What your scores mean' })).getAllByRole(
      'listitem',
    );
    expect(items).toHaveLength(12);
    expect(items[0]).toHaveTextContent('Critical gap');
    expect(items[0]).toHaveTextContent(`Reading for ${DOMAIN_NAMES[0]}.`);
    expect(items[0]).toHaveTextContent('Priority');
  });
});
