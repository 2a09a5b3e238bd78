import { describeRadar, radarGeometry, wrapLabel } from '../../client/src/features/results/lib/radar-data';

const domains = Array.from({ length: 12 }, (_, i) => ({ id: `d${i + 1}`, name: `Domain ${i + 1}` }));

describe('radarGeometry', () => {
  const scores = domains.map((d, i) => ({ domainId: d.id, score: (i + 1) * 8 }));
  const g = radarGeometry(domains, scores, ['d1', 'd3'], { width: 400, height: 400, radius: 100 });

  it('when there are 12 domains, then there are 12 axes in questionnaire order, clockwise from the top', () => {
    expect(g.points.map((p) => p.id)).toEqual(domains.map((d) => d.id));
    const [first, second, , fourth] = g.points;
    expect(first!.axisX).toBeCloseTo(200);
    expect(first!.axisY).toBeCloseTo(100); // straight up
    expect(second!.axisX).toBeGreaterThan(200); // then to the right
    expect(fourth!.axisX).toBeCloseTo(300); // 3 o'clock
    expect(fourth!.axisY).toBeCloseTo(200);
  });

  it('when a score is given, then its point sits at score% of the radius', () => {
    const p = g.points[3]!; // score 32 at 3 o'clock
    expect(p.score).toBe(32);
    expect(p.x).toBeCloseTo(232);
    expect(p.y).toBeCloseTo(200);
  });

  it('then priority domains are flagged and label anchors follow the side of the chart', () => {
    expect(g.points.filter((p) => p.priority).map((p) => p.id)).toEqual(['d1', 'd3']);
    expect(g.points[0]!.anchor).toBe('middle');
    expect(g.points[3]!.anchor).toBe('start');
    expect(g.points[9]!.anchor).toBe('end');
  });

  it('then there are five rings and a closed polygon of 12 vertices', () => {
    expect(g.rings.map((r) => r.level)).toEqual([20, 40, 60, 80, 100]);
    expect(g.polygon.split(' ')).toHaveLength(12);
  });

  it('when scores are out of range, missing, or for unknown domains, then they are clamped, null, or appended', () => {
    const odd = radarGeometry(
      domains.slice(0, 3),
      [
        { domainId: 'd1', score: 140 },
        { domainId: 'd2', score: -5 },
        { domainId: 'extra', score: 50 },
      ],
      [],
    );
    expect(odd.points.map((p) => [p.id, p.score])).toEqual([
      ['d1', 100],
      ['d2', 0],
      ['d3', null],
      ['extra', 50],
    ]);
  });
});

describe('describeRadar', () => {
  it('then the summary names the highest, the lowest and the priorities', () => {
    const g = radarGeometry(
      domains.slice(0, 3),
      [
        { domainId: 'd1', score: 80 },
        { domainId: 'd2', score: 20 },
        { domainId: 'd3', score: 50 },
      ],
      ['d2'],
    );
    expect(describeRadar(g.points)).toBe(
      'Radar chart of 3 domain scores out of 100. Highest: Domain 1, 80. Lowest: Domain 2, 20. Priority domains: Domain 2. The table that follows lists every score.',
    );
  });

  it('when nothing is scored, then it says so', () => {
    expect(describeRadar(radarGeometry(domains, [], []).points)).toBe('No domain scores are available yet.');
  });
});

describe('wrapLabel', () => {
  it('then long names break between words and short ones stay whole', () => {
    expect(wrapLabel('Revenue Engine & Growth')).toEqual(['Revenue Engine &', 'Growth']);
    expect(wrapLabel('Operational Excellence & Process Management')).toEqual([
      'Operational',
      'Excellence & Process',
      'Management',
    ]);
    expect(wrapLabel('People')).toEqual(['People']);
  });
});
