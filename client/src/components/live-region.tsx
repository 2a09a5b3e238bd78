import { useEffect, useState } from 'react';
import { subscribeAnnouncements } from '../lib/announcer';

/** The app's screen reader announcer: one polite and one assertive region, always in the DOM. */
export function LiveRegion() {
  const [polite, setPolite] = useState('');
  const [assertive, setAssertive] = useState('');
  useEffect(
    () =>
      subscribeAnnouncements((message, politeness) => {
        const set = politeness === 'assertive' ? setAssertive : setPolite;
        // Clear first so repeating the same message is announced again.
        set('');
        setTimeout(() => set(message), 50);
      }),
    [],
  );
  return (
    <>
      <div className="visually-hidden" aria-live="polite" aria-atomic="true" data-testid="live-polite">
        {polite}
      </div>
      <div className="visually-hidden" aria-live="assertive" aria-atomic="true">
        {assertive}
      </div>
    </>
  );
}
