import { useRef } from 'react';
import { Link, useSearchParams } from 'react-router';
import { PageHeading } from '../../components/page-heading';
import { RadarFigure } from '../../features/results/components/radar-figure';
import { radarGeometry, radarLayout } from '../../features/results/lib/radar-data';
import { useElementWidth } from '../../features/results/lib/use-element-width';

const DOMAINS = [
  ['strategy', 'Strategic Alignment & Vision', 'Is everyone pulling towards the same goal?'],
  ['finance', 'Financial Management & Capital Efficiency', 'Cash, forecasting and unit economics.'],
  ['revenue', 'Revenue Engine & Growth', 'A pipeline you can predict and repeat.'],
  ['operations', 'Operational Excellence & Process Management', 'Processes that work without heroes.'],
  ['people', 'People & Organizational Development', 'Hiring, managers and keeping good people.'],
  ['technology', 'Technology & Data Infrastructure', 'Systems and data that keep up with growth.'],
  ['product', 'Customer Experience & Product Development', 'Shipping what customers value.'],
  ['supply', 'Supply Chain & Vendor Management', 'Suppliers that can scale with you.'],
  ['risk', 'Risk Management & Compliance', 'Knowing your risks before they bite.'],
  ['partnerships', 'External Partnerships & Ecosystem', 'Partners that extend your reach.'],
  ['success', 'Customer Success & Retention', 'Customers who stay and grow.'],
  ['change', 'Change Management & Implementation', 'Turning decisions into lasting change.'],
] as const;

const FACTS = [
  ['About 20 minutes', '75 questions, saved as you go, so you can stop and resume.'],
  ['12 domains', 'From strategy and cash to hiring, systems and customers.'],
  ['A report for your board', 'Scores, bands, next steps, and change since last time, printable as a PDF.'],
] as const;

const OFFERS = [
  [
    'A score for each domain',
    '0–100 with a plain reading: critical gap, developing, established or scale-ready.',
  ],
  ['Recommended next steps', 'Concrete actions tied to the answers that held each priority domain back.'],
  ['Progress over time', 'Take it again next quarter and see, domain by domain, what moved.'],
  ['Your data, your call', 'Export everything as JSON or delete your account and files at any time.'],
] as const;

const SAMPLE_SCORES = [72, 38, 64, 45, 52, 81, 67, 58, 33, 61, 70, 49];
const SAMPLE_PRIORITY = ['finance', 'risk', 'operations'];

/** The signed-out front door: what ScaleMap measures, how long it takes, what you get, a sample. */
export function LandingRoute() {
  const [params] = useSearchParams();
  const figure = useRef<HTMLDivElement>(null);
  const layout = radarLayout(useElementWidth(figure, 640));
  const geometry = radarGeometry(
    DOMAINS.map(([id, name]) => ({ id, name })),
    DOMAINS.map(([id], i) => ({ domainId: id, score: SAMPLE_SCORES[i] ?? 0 })),
    SAMPLE_PRIORITY,
    { ...layout, labelGap: layout.labels === 'names' ? 18 : 16 },
  );
  return (
    <div className="landing">
      {params.get('deleted') ? (
        <p className="alert alert--success" role="status">
          Your account and all its data have been deleted.
        </p>
      ) : null}
      <section className="hero">
        <p className="eyebrow">Scale-readiness assessment for founders and operators</p>
        <PageHeading title="Know what will break before you scale" />
        <p className="lead">
          ScaleMap scores your company across the 12 areas that strain first when a business grows, shows you
          where you stand against each, and tells you which gaps to close first.
        </p>
        <div className="hero__actions">
          <Link className="button button--large" to="/register">
            Start your assessment
          </Link>
          <Link className="button button--secondary button--large" to="/login">
            Sign in
          </Link>
        </div>
        <ul className="facts" aria-label="At a glance">
          {FACTS.map(([fact, detail]) => (
            <li key={fact}>
              <strong>{fact}</strong>
              <span>{detail}</span>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="get-title" className="landing__section">
        <h2 id="get-title">What you get</h2>
        <ul className="feature-grid">
          {OFFERS.map(([offer, detail]) => (
            <li key={offer} className="card">
              <h3>{offer}</h3>
              <p>{detail}</p>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="sample-title" className="landing__section sample">
        <h2 id="sample-title">A sample result</h2>
        <p className="muted">An illustrative 40-person software company, a year after its Series A.</p>
        <div className="sample__grid">
          <RadarFigure
            canvasRef={figure}
            geometry={geometry}
            labels={layout.labels}
            title="Sample result: scale-readiness score by domain, out of 100"
          />
          <div className="card sample__next">
            <p className="overall__label">Overall</p>
            <p className="overall__score">
              <span className="overall__number">58</span>
              <span className="overall__of"> / 100</span>
              <span className="band band--developing">Developing</span>
            </p>
            <h3>First recommended step</h3>
            <p>
              <strong>Risk Management & Compliance:</strong> name an owner for your top five risks and review
              them at every board meeting, starting with data protection and key-person dependency.
            </p>
          </div>
        </div>
      </section>

      <section aria-labelledby="measures-title" className="landing__section">
        <h2 id="measures-title">What ScaleMap measures</h2>
        <ol className="domain-grid">
          {DOMAINS.map(([id, name, blurb]) => (
            <li key={id}>
              <strong>{name}</strong>
              <span className="muted">{blurb}</span>
            </li>
          ))}
        </ol>
      </section>

      <section className="landing__section landing__cta card">
        <h2>Ready to see where you stand?</h2>
        <p>Create an account, answer at your own pace, and get your results the moment you submit.</p>
        <Link className="button button--large" to="/register">
          Create your account
        </Link>
      </section>
    </div>
  );
}
