/** Maps domain scores onto radar (spider) chart geometry. Pure, so it can be tested without a DOM. */
export type RadarDomain = { id: string; name: string };
export type RadarScore = { domainId: string; score: number };

export type RadarPoint = {
  id: string;
  index: number;
  name: string;
  /** 0..100, or null when the API sent no score for the domain. */
  score: number | null;
  priority: boolean;
  x: number;
  y: number;
  axisX: number;
  axisY: number;
  labelX: number;
  labelY: number;
  anchor: 'start' | 'middle' | 'end';
};

export type RadarGeometry = {
  size: { width: number; height: number };
  center: { x: number; y: number };
  radius: number;
  points: RadarPoint[];
  /** SVG `points` attribute of the score polygon. */
  polygon: string;
  /** The earlier assessment's scores, when there is one to compare with. */
  previousPolygon: string | null;
  rings: { level: number; points: string }[];
  /**
   * Ring values ("20" … "100"), set half-way between the first two axes so no score marker on an
   * axis can cover them.
   */
  ticks: { level: number; x: number; y: number }[];
};

export type RadarLayout = {
  width: number;
  height: number;
  radius: number;
  /** Wide enough for names beside the chart, or numbers on the chart with a legend below. */
  labels: 'names' | 'numbers';
};

/**
 * Chart size for the width it is drawn at, one SVG unit per CSS pixel, so label font sizes in the
 * stylesheet are the sizes on screen at every width (never scaled down to a few pixels).
 */
export function radarLayout(width: number): RadarLayout {
  const w = Math.max(260, Math.round(width));
  if (w >= 600) {
    const height = Math.min(620, Math.max(440, Math.round(w * 0.7)));
    const radius = Math.round(Math.min(height / 2 - 48, w / 2 - 175));
    return { width: w, height, radius, labels: 'names' };
  }
  // Room outside the rings for two-digit numbers ("10", "11", "12") at 15 px.
  return { width: w, height: w, radius: Math.round(w / 2 - 40), labels: 'numbers' };
}

const round = (n: number) => Math.round(n * 100) / 100;

export function clampScore(score: number): number {
  return Math.min(100, Math.max(0, Number.isFinite(score) ? score : 0));
}

/**
 * One axis per domain, clockwise from 12 o'clock, in questionnaire order. Scores for domains the
 * questionnaire does not list are appended so nothing is silently dropped.
 */
export function radarGeometry(
  domains: RadarDomain[],
  scores: RadarScore[],
  priorityDomains: string[],
  {
    width = 800,
    height = 560,
    radius = 165,
    labelGap = 18,
    previous = [] as RadarScore[],
  }: { width?: number; height?: number; radius?: number; labelGap?: number; previous?: RadarScore[] } = {},
): RadarGeometry {
  const byId = new Map(scores.map((s) => [s.domainId, clampScore(s.score)]));
  const all = [...domains];
  for (const s of scores)
    if (!all.some((d) => d.id === s.domainId)) all.push({ id: s.domainId, name: s.domainId });
  const cx = width / 2;
  const cy = height / 2;
  const n = Math.max(all.length, 1);
  const at = (i: number, r: number) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / n;
    return { x: round(cx + r * Math.cos(angle)), y: round(cy + r * Math.sin(angle)), cos: Math.cos(angle) };
  };
  const points = all.map((d, i): RadarPoint => {
    const score = byId.get(d.id) ?? null;
    const p = at(i, ((score ?? 0) / 100) * radius);
    const axis = at(i, radius);
    const label = at(i, radius + labelGap);
    const anchor = Math.abs(label.cos) < 0.2 ? 'middle' : label.cos > 0 ? 'start' : 'end';
    return {
      id: d.id,
      index: i + 1,
      name: d.name,
      score,
      priority: priorityDomains.includes(d.id),
      x: p.x,
      y: p.y,
      axisX: axis.x,
      axisY: axis.y,
      labelX: label.x,
      labelY: label.y,
      anchor,
    };
  });
  const ring = (level: number) =>
    all
      .map((_, i) => at(i, (level / 100) * radius))
      .map((p) => `${p.x},${p.y}`)
      .join(' ');
  const before = new Map(previous.map((s) => [s.domainId, clampScore(s.score)]));
  const previousPolygon = all.every((d) => before.has(d.id))
    ? all
        .map((d, i) => at(i, ((before.get(d.id) ?? 0) / 100) * radius))
        .map((p) => `${p.x},${p.y}`)
        .join(' ')
    : null;
  const tickAngle = -Math.PI / 2 + Math.PI / n;
  return {
    size: { width, height },
    center: { x: cx, y: cy },
    radius,
    points,
    polygon: points.map((p) => `${p.x},${p.y}`).join(' '),
    previousPolygon,
    rings: [20, 40, 60, 80, 100].map((level) => ({ level, points: ring(level) })),
    ticks: [20, 40, 60, 80, 100].map((level) => ({
      level,
      x: round(cx + (level / 100) * radius * Math.cos(tickAngle)),
      y: round(cy + (level / 100) * radius * Math.sin(tickAngle)),
    })),
  };
}

/** A one-paragraph summary for the chart's <desc>. */
export function describeRadar(points: RadarPoint[]): string {
  const scored = points.filter((p) => p.score !== null);
  if (scored.length === 0) return 'No domain scores are available yet.';
  const sorted = [...scored].sort((a, b) => (b.score ?? 0) - (a.score ?? 0));
  const top = sorted[0]!;
  const bottom = sorted.at(-1)!;
  const priority = points.filter((p) => p.priority).map((p) => p.name);
  return [
    `Radar chart of ${points.length} domain scores out of 100.`,
    `Highest: ${top.name}, ${top.score}.`,
    `Lowest: ${bottom.name}, ${bottom.score}.`,
    priority.length ? `Priority domains: ${priority.join('; ')}.` : '',
    'The table that follows lists every score.',
  ]
    .filter(Boolean)
    .join(' ');
}

/** Splits a long domain name into lines of at most `max` characters (words are never cut). */
export function wrapLabel(name: string, max = 20): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of name.split(' ')) {
    if (line && `${line} ${word}`.length > max) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}
