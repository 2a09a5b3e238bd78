import { useCallback, useState } from 'react';
import { useQuery } from '../../../lib/use-query';
import { type AssessmentSummary, getAssessmentPage } from '../api/get-assessments';

/** Most recently changed first: what the user touched last is what they most likely want next. */
export function byLastChange(a: AssessmentSummary, b: AssessmentSummary): number {
  return (b.updatedAt ?? b.createdAt).localeCompare(a.updatedAt ?? a.createdAt);
}

/**
 * The dashboard's list: the first page loads on mount; `loadMore` appends the next page while the
 * API returns a `nextCursor`. Local edits (rename, delete) patch the list without a refetch.
 */
export function useAssessmentList() {
  const first = useQuery('assessments', (signal) => getAssessmentPage(null, signal));
  const [more, setMore] = useState<{ items: AssessmentSummary[]; cursor: string | null } | null>(null);
  const [removed, setRemoved] = useState<ReadonlySet<string>>(new Set());
  const [patches, setPatches] = useState<Record<string, Partial<AssessmentSummary>>>({});
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<unknown>();

  const cursor = more ? more.cursor : (first.data?.nextCursor ?? null);
  const seen = new Set<string>();
  const items = [...(first.data?.items ?? []), ...(more?.items ?? [])]
    .filter((a) => !removed.has(a.id) && !seen.has(a.id) && seen.add(a.id))
    .map((a) => ({ ...a, ...patches[a.id] }))
    .sort(byLastChange);

  const loadMore = useCallback(async () => {
    if (!cursor) return;
    setLoadingMore(true);
    setMoreError(undefined);
    try {
      const page = await getAssessmentPage(cursor);
      setMore((m) => ({ items: [...(m?.items ?? []), ...page.items], cursor: page.nextCursor }));
    } catch (error) {
      setMoreError(error);
    } finally {
      setLoadingMore(false);
    }
  }, [cursor]);

  return {
    items,
    loaded: first.data !== undefined,
    loading: first.loading,
    error: first.error,
    reload: first.reload,
    hasMore: cursor !== null,
    loadMore,
    loadingMore,
    moreError,
    remove: (id: string) => setRemoved((s) => new Set([...s, id])),
    patch: (id: string, patch: Partial<AssessmentSummary>) =>
      setPatches((p) => ({ ...p, [id]: { ...p[id], ...patch } })),
  };
}
