import { useEffect, useRef } from 'react';
import { ApiError, describeError } from '../lib/problem';

type ErrorAlertProps = {
  error: unknown;
  title?: string;
  onRetry?: () => void;
  /** Move focus to the alert when it appears (after a failed submit). */
  focus?: boolean;
};

/** An error in plain words, with the correlation id in small print for support. */
export function ErrorAlert({ error, title, onRetry, focus = false }: ErrorAlertProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, [focus]);
  const correlationId = error instanceof ApiError ? error.problem.correlationId : undefined;
  return (
    <div className="alert alert--error" role="alert" ref={ref} tabIndex={-1}>
      {title ? <p className="alert__title">{title}</p> : null}
      <p>{describeError(error)}</p>
      {error instanceof ApiError && error.status === 401 ? (
        // A full page load re-checks the session, so the sign-in page shows and brings the user back here.
        <a className="button" href={`/login?next=${encodeURIComponent(window.location.pathname)}`}>
          Sign in again
        </a>
      ) : onRetry ? (
        <button type="button" className="button button--secondary" onClick={onRetry}>
          Try again
        </button>
      ) : null}
      {correlationId ? <p className="alert__support">Reference for support: {correlationId}</p> : null}
    </div>
  );
}
