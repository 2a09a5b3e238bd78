import { useState } from 'react';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { ErrorAlert } from '../../../components/error-alert';
import { ApiError } from '../../../lib/problem';
import { bind, PasswordField } from '../../auth/components/credential-fields';
import { useDeleteAccount } from '../api/delete-account';

/** Delete the account, after a modal that spells out what goes and asks for the password again. */
export function DeleteAccount({ onDeleted }: { onDeleted: () => void }) {
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState('');
  const [fieldError, setFieldError] = useState<string>();
  const remove = useDeleteAccount();

  const confirm = async () => {
    if (!password) {
      setFieldError('Enter your password to confirm.');
      return;
    }
    setFieldError(undefined);
    if (await remove.run({ password })) {
      setOpen(false);
      onDeleted();
    }
  };
  const server =
    remove.error instanceof ApiError && remove.error.status === 400 ? remove.error.fieldErrors : {};
  return (
    <section aria-labelledby="delete-account-title" className="stack danger-zone">
      <h2 id="delete-account-title">Delete your account</h2>
      <p>
        This deletes your login, every assessment with its answers and scores, and every document you
        uploaded. It cannot be undone. Download your data first if you want to keep a copy.
      </p>
      <button
        type="button"
        className="button button--danger"
        onClick={() => {
          remove.reset();
          setPassword('');
          setFieldError(undefined);
          setOpen(true);
        }}
      >
        Delete my account
      </button>
      <ConfirmDialog
        open={open}
        title="Delete your account for good?"
        confirmLabel={remove.pending ? 'Deleting…' : 'Delete account and all data'}
        danger
        busy={remove.pending}
        onConfirm={() => void confirm()}
        onCancel={() => setOpen(false)}
      >
        <p>Your assessments, answers, scores and documents will be deleted, and you will be signed out.</p>
        {remove.error && !server.password ? <ErrorAlert error={remove.error} /> : null}
        <PasswordField
          inputId="delete-password"
          label="Your password"
          {...bind(password, setPassword)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              void confirm();
            }
          }}
          error={fieldError ?? server.password}
        />
      </ConfirmDialog>
    </section>
  );
}
