type Listener = (message: string, politeness: 'polite' | 'assertive') => void;
const listeners = new Set<Listener>();

/** Speaks `message` through the app's aria-live region (see components/live-region.tsx). */
export function announce(message: string, politeness: 'polite' | 'assertive' = 'polite'): void {
  for (const l of listeners) l(message, politeness);
}

export function subscribeAnnouncements(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
