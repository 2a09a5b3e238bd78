import { Link } from 'react-router';
import { PageHeading } from '../../components/page-heading';

export function NotFoundRoute() {
  return (
    <section className="narrow">
      <PageHeading title="Page not found" />
      <p>
        The page you asked for does not exist or has moved. Check the address, or start from your assessments.
      </p>
      <p>
        <Link to="/" className="button">
          Go to your assessments
        </Link>
      </p>
    </section>
  );
}
