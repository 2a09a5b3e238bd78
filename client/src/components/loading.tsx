import { Skeleton } from './skeleton';

/** A polite loading placeholder (a skeleton of the page, not a bare spinner). */
export function Loading({ label = 'Loading…' }: { label?: string }) {
  return <Skeleton label={label} />;
}
