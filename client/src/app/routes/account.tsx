import { PageHeading } from '../../components/page-heading';
import { ChangePasswordForm } from '../../features/account/components/change-password-form';
import { DeleteAccount } from '../../features/account/components/delete-account';
import { ExportData } from '../../features/account/components/export-data';
import { useAuth } from '../../features/auth/lib/auth-context';

/** Your account: details, password, a copy of your data, and deleting it all. */
export function AccountRoute() {
  const { user } = useAuth();
  // Email always; company and industry when the account has them.
  const details = [
    ['Email', user?.email],
    ['Company', user?.companyName],
    ['Industry', user?.industry],
  ].filter(([term, value]) => term === 'Email' || value);
  return (
    <section className="account">
      <PageHeading title="Your account" />
      <dl className="meta card">
        {details.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <div className="card">
        <ChangePasswordForm />
      </div>
      <div className="card">
        <ExportData />
      </div>
      <div className="card">
        <DeleteAccount
          onDeleted={() => {
            // A full load starts the app afresh, signed out (this page would otherwise redirect to sign-in
            // first); the landing page confirms the deletion in a status message.
            window.location.replace('/?deleted=1');
          }}
        />
      </div>
    </section>
  );
}
