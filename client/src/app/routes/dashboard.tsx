import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { ErrorAlert } from '../../components/error-alert';
import { PageHeading } from '../../components/page-heading';
import { Skeleton } from '../../components/skeleton';
import { useCreateAssessment } from '../../features/assessments/api/create-assessment';
import { useDeleteAssessment } from '../../features/assessments/api/delete-assessment';
import type { AssessmentSummary } from '../../features/assessments/api/get-assessments';
import { useRenameAssessment } from '../../features/assessments/api/rename-assessment';
import { AssessmentCard, assessmentName } from '../../features/assessments/components/assessment-card';
import { RenameDialog } from '../../features/assessments/components/rename-dialog';
import { useAssessmentList } from '../../features/assessments/lib/use-assessment-list';
import { useAuth } from '../../features/auth/lib/auth-context';
import { announce } from '../../lib/announcer';

/** The user's assessments, last changed first: status, progress, rename, delete a draft, start a new one. */
export function DashboardRoute() {
  const { user } = useAuth();
  const list = useAssessmentList();
  const create = useCreateAssessment();
  const rename = useRenameAssessment();
  const remove = useDeleteAssessment();
  const navigate = useNavigate();
  const [renaming, setRenaming] = useState<AssessmentSummary | null>(null);
  const [deleting, setDeleting] = useState<AssessmentSummary | null>(null);

  const start = async () => {
    const created = await create.run();
    if (created) navigate(`/assessments/${created.id}`);
  };
  const saveName = async (name: string) => {
    if (!renaming) return;
    const res = await rename.run(renaming.id, name);
    if (!res) return;
    list.patch(res.id, { name: res.name, updatedAt: res.updatedAt });
    setRenaming(null);
    announce(`Renamed to ${res.name}.`);
  };
  const confirmDelete = async () => {
    if (!deleting) return;
    const target = deleting;
    const ok = await remove.run(target.id);
    setDeleting(null);
    if (ok) {
      list.remove(target.id);
      announce(`${assessmentName(target)} deleted.`);
    }
  };

  const { items } = list;
  return (
    <section>
      <div className="page-head">
        <div>
          <PageHeading title="Your assessments" />
          {user?.companyName ? <p className="muted">{user.companyName}</p> : null}
        </div>
        <button
          type="button"
          className={`button${items.some((a) => a.status === 'draft') ? ' button--secondary' : ''}`}
          onClick={start}
          disabled={create.pending}
        >
          {create.pending ? 'Starting…' : 'Start a new assessment'}
        </button>
      </div>
      {create.error ? (
        <ErrorAlert error={create.error} title="We could not start an assessment" focus />
      ) : null}
      {remove.error ? <ErrorAlert error={remove.error} title="The assessment was not deleted" focus /> : null}
      {list.loading && !list.loaded ? <Skeleton label="Loading your assessments…" variant="cards" /> : null}
      {list.error ? (
        <ErrorAlert error={list.error} title="We could not load your assessments" onRetry={list.reload} />
      ) : null}
      {list.loaded && items.length === 0 ? (
        <div className="empty card">
          <h2>No assessments yet</h2>
          <p>
            Answer 75 questions across 12 domains (about 20 minutes, saved as you go), attach supporting
            documents if you have them, and get a score per domain with the gaps to close first.
          </p>
        </div>
      ) : null}
      {items.length > 0 ? (
        <ul className="assessment-list">
          {items.map((a) => (
            <AssessmentCard
              key={a.id}
              assessment={a}
              onRename={(x) => {
                rename.reset();
                setRenaming(x);
              }}
              onDelete={(x) => {
                remove.reset();
                setDeleting(x);
              }}
            />
          ))}
        </ul>
      ) : null}
      {list.moreError ? (
        <ErrorAlert error={list.moreError} title="We could not load more assessments" />
      ) : null}
      {list.hasMore ? (
        <p className="load-more">
          <button
            type="button"
            className="button button--secondary"
            onClick={() => void list.loadMore()}
            disabled={list.loadingMore}
          >
            {list.loadingMore ? 'Loading…' : 'Load more assessments'}
          </button>
        </p>
      ) : null}
      <RenameDialog
        current={renaming ? assessmentName(renaming) : null}
        busy={rename.pending}
        error={rename.error}
        onSave={(name) => void saveName(name)}
        onCancel={() => setRenaming(null)}
      />
      <ConfirmDialog
        open={deleting !== null}
        title="Delete this draft?"
        confirmLabel={remove.pending ? 'Deleting…' : 'Delete draft'}
        danger
        busy={remove.pending}
        onConfirm={() => void confirmDelete()}
        onCancel={() => setDeleting(null)}
      >
        <p>
          {deleting ? assessmentName(deleting) : ''}, its answers and its documents will be deleted. This
          cannot be undone.
        </p>
      </ConfirmDialog>
    </section>
  );
}
