import { type ReactNode, useState } from 'react';
import { ErrorAlert } from '../../../components/error-alert';

type Sender = { run: (input: { email: string }) => Promise<unknown>; pending: boolean; error: unknown };

/** "Send a new code" under a code field: asks for another email and says when it went. */
export function ResendCode({
  email,
  sender,
  prompt,
  action,
  sentMessage,
  after,
}: {
  email: string;
  /** The mutation that sends the code (confirmation or password reset). */
  sender: Sender;
  prompt: ReactNode;
  action: string;
  sentMessage: string;
  /** Text after the button, in the same sentence. */
  after?: string;
}) {
  const [resent, setResent] = useState(false);
  return (
    <>
      <p className="muted">
        {prompt}{' '}
        <button
          type="button"
          className="button button--link"
          disabled={sender.pending}
          onClick={async () => {
            setResent(false);
            if (await sender.run({ email })) setResent(true);
          }}
        >
          {action}
        </button>
        {after}
      </p>
      <div role="status">{resent ? <p className="alert alert--success">{sentMessage}</p> : null}</div>
      {sender.error ? <ErrorAlert error={sender.error} /> : null}
    </>
  );
}
