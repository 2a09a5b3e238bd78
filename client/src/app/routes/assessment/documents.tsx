import { useEffect, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { ErrorAlert } from '../../../components/error-alert';
import { PageHeading } from '../../../components/page-heading';
import type { AssessmentDocument } from '../../../features/assessments/api/schemas';
import { stepLabel } from '../../../features/assessments/lib/steps';
import { lastStep, useWorkspace } from '../../../features/assessments/lib/workspace-context';
import { completeDocument } from '../../../features/documents/api/complete-document';
import { createDocument } from '../../../features/documents/api/create-document';
import { deleteDocument, useDeleteDocument } from '../../../features/documents/api/delete-document';
import { useDocumentDownload } from '../../../features/documents/api/get-document-download';
import { DocumentList } from '../../../features/documents/components/document-list';
import { FileDropZone } from '../../../features/documents/components/file-drop-zone';
import { UploadList } from '../../../features/documents/components/upload-list';
import type { QueueApi } from '../../../features/documents/lib/upload-queue';
import { xhrTransport } from '../../../features/documents/lib/upload-transport';
import { useUploadQueue } from '../../../features/documents/lib/use-upload-queue';
import { announce } from '../../../lib/announcer';
import { describeError } from '../../../lib/problem';

/** Attach supporting documents: drop or pick, per-file progress, cancel/retry, list, download, delete. */
export function DocumentsRoute() {
  const ws = useWorkspace();
  const id = ws.assessmentId;
  const locked = ws.status === 'submitted';
  // Unfinished uploads from an earlier visit count towards the API's limit of 20 as well.
  const attached = ws.documents;
  const api = useMemo<QueueApi<AssessmentDocument>>(
    () => ({
      create: (meta) => createDocument(id, meta),
      complete: (docId) => completeDocument(id, docId),
      remove: async (docId) => {
        await deleteDocument(id, docId);
      },
      transport: xhrTransport,
      describeError,
    }),
    [id],
  );
  const { queue, items } = useUploadQueue(api, {
    existingCount: () => attached.length,
    existing: () => attached,
    onUploaded: (doc) => {
      ws.setDocuments((docs) => [...docs.filter((d) => d.id !== doc.id), doc]);
      announce(`${doc.fileName} uploaded.`);
    },
    onFailed: (item) => announce(`${item.fileName} failed to upload. ${item.error ?? ''}`, 'assertive'),
  });
  // Closing the tab would abort uploads still on the wire.
  const uploading = items.some(
    (i) => i.status === 'queued' || i.status === 'uploading' || i.status === 'completing',
  );
  useEffect(() => {
    if (!uploading) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [uploading]);
  const download = useDocumentDownload();
  const remove = useDeleteDocument();
  const [toDelete, setToDelete] = useState<AssessmentDocument | null>(null);
  const attachedHeading = useRef<HTMLHeadingElement>(null);
  const [deletions, setDeletions] = useState(0);
  // After a delete its row (and Delete button) is gone: continue from the list's heading. This runs
  // after the dialog's own effect has closed it, so the page is no longer inert.
  useEffect(() => {
    if (deletions > 0) attachedHeading.current?.focus();
  }, [deletions]);

  const onFiles = (files: FileList) => {
    const added = queue.add(files);
    const rejected = added.filter((i) => i.status === 'rejected');
    const accepted = added.length - rejected.length;
    announce(
      [
        accepted ? `Uploading ${accepted} ${accepted === 1 ? 'file' : 'files'}.` : '',
        ...rejected.map((r) => r.error ?? ''),
      ].join(' '),
      rejected.length ? 'assertive' : 'polite',
    );
  };

  const confirmDelete = async () => {
    if (!toDelete) return;
    const doc = toDelete;
    const ok = await remove.run(id, doc.id);
    setToDelete(null);
    if (ok) {
      ws.setDocuments((docs) => docs.filter((d) => d.id !== doc.id));
      announce(`${doc.fileName} deleted.`);
      setDeletions((n) => n + 1);
    }
  };

  return (
    <section>
      <p className="eyebrow">{stepLabel(2, locked)}</p>
      <PageHeading title="Supporting documents" />
      {locked ? (
        <p className="lead">
          These documents were submitted with the assessment. You can download them; they can no longer be
          changed.
        </p>
      ) : (
        <p className="lead">
          Attach anything that backs up your answers: board packs, financial statements, org charts, process
          maps. Documents are optional.
        </p>
      )}
      {locked ? null : (
        <>
          <FileDropZone onFiles={onFiles} disabled={attached.length >= 20} />
          <UploadList
            items={items}
            onCancel={(k) => queue.cancel(k)}
            onRetry={(k) => queue.retry(k)}
            onDismiss={(k) => queue.dismiss(k)}
          />
        </>
      )}
      <h2 ref={attachedHeading} tabIndex={-1} className="page-heading">
        Attached ({attached.length} of 20)
      </h2>
      {download.error ? <ErrorAlert error={download.error} title="The download could not start" /> : null}
      {remove.error ? <ErrorAlert error={remove.error} title="The document could not be deleted" /> : null}
      <DocumentList
        documents={ws.documents}
        onDownload={async (doc) => {
          const res = await download.run(id, doc.id);
          if (res) window.location.assign(res.url);
        }}
        onDelete={locked ? undefined : setToDelete}
        busyId={remove.pending ? toDelete?.id : undefined}
      />
      <ConfirmDialog
        open={toDelete !== null}
        title="Delete this document?"
        confirmLabel="Delete document"
        danger
        busy={remove.pending}
        onConfirm={confirmDelete}
        onCancel={() => setToDelete(null)}
      >
        <p>{toDelete?.fileName} will be removed from this assessment. This cannot be undone.</p>
      </ConfirmDialog>
      <div className="step-buttons">
        {locked ? (
          <Link className="button" to={`/assessments/${id}/results`}>
            Back to results
          </Link>
        ) : (
          <>
            <Link
              className="button button--secondary"
              to={`/assessments/${id}/domains/${lastDomain(ws.questionnaire.domains, lastStep.get(id))}`}
            >
              Back to questions
            </Link>
            <Link className="button" to={`/assessments/${id}/review`}>
              Continue to review
            </Link>
          </>
        )}
      </div>
    </section>
  );
}

/** The domain the user was last on, else the final one (documents come right after it). */
function lastDomain(domains: { id: string }[], remembered: string | null): string {
  return domains.find((d) => d.id === remembered)?.id ?? domains.at(-1)?.id ?? '';
}
