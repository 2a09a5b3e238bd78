import { useEffect, useState } from 'react';
import { ApiError, describeError } from '../../../lib/problem';
import type { AutosaveSnapshot } from '../lib/autosave-controller';

/** The visible "Saving… / Saved / Retry" indicator (announcements go through the live region). */
export function SaveStatus({
  snapshot,
  onRetry,
  testId = 'save-status',
  className = '',
}: {
  snapshot: AutosaveSnapshot;
  onRetry: () => void;
  testId?: string;
  className?: string;
}) {
  const seconds = useCountdown(snapshot.status === 'retrying' ? snapshot.retryInMs : undefined);
  let text: string;
  let tone = 'neutral';
  switch (snapshot.status) {
    case 'idle':
      text = 'Answers save automatically';
      break;
    case 'pending':
      text = 'Unsaved changes';
      break;
    case 'saving':
      text = 'Saving…';
      break;
    case 'saved':
      text = 'Saved';
      tone = 'ok';
      break;
    case 'retrying':
      text = `Not saved yet: connection problem. Retrying${seconds ? ` in ${seconds}s` : '…'}`;
      tone = 'warn';
      break;
    case 'error':
      text = `Not saved: ${describeError(snapshot.error)}`;
      tone = 'error';
      break;
    case 'locked':
      text = 'Submitted: answers are read-only';
      break;
  }
  return (
    <div
      className={`save-status save-status--${tone}${className ? ` ${className}` : ''}`}
      data-testid={testId}
      data-status={snapshot.status}
    >
      <span className="save-status__dot" aria-hidden="true" />
      <span className="save-status__text">{text}</span>
      {snapshot.status === 'error' && snapshot.error instanceof ApiError && snapshot.error.status === 401 ? (
        // A new tab keeps this page, and the unsaved answers in it, alive while the user signs in.
        <a href="/login" target="_blank" rel="noopener">
          Sign in again (opens a new tab), then press Retry
        </a>
      ) : null}
      {snapshot.status === 'retrying' || snapshot.status === 'error' ? (
        <button type="button" className="button button--small" onClick={onRetry}>
          Retry now
        </button>
      ) : null}
    </div>
  );
}

function useCountdown(ms: number | undefined): number | undefined {
  const [left, setLeft] = useState<number>();
  useEffect(() => {
    if (ms === undefined) {
      setLeft(undefined);
      return;
    }
    const end = Date.now() + ms;
    setLeft(Math.ceil(ms / 1000));
    const t = setInterval(() => setLeft(Math.max(0, Math.ceil((end - Date.now()) / 1000))), 500);
    return () => clearInterval(t);
  }, [ms]);
  return left;
}
