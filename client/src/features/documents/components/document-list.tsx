import { formatBytes, formatDate } from '../../../lib/format';
import type { AssessmentDocument } from '../../assessments/api/schemas';
import { ALLOWED_TYPES } from '../lib/file-rules';

type DocumentListProps = {
  documents: AssessmentDocument[];
  onDownload: (doc: AssessmentDocument) => void;
  onDelete?: (doc: AssessmentDocument) => void;
  busyId?: string;
};

/**
 * Documents attached to the assessment. An upload left unfinished in an earlier visit (tab closed
 * mid-way) still counts towards the limit, so it is listed too, with only Delete.
 */
export function DocumentList({ documents, onDownload, onDelete, busyId }: DocumentListProps) {
  if (documents.length === 0) return <p className="muted">No documents attached yet.</p>;
  return (
    <table className="table document-table">
      <caption className="visually-hidden">Attached documents</caption>
      <thead>
        <tr>
          <th scope="col">File</th>
          <th scope="col">Type</th>
          <th scope="col">Size</th>
          <th scope="col">Added</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {documents.map((doc) => (
          <tr key={doc.id}>
            <th scope="row" className="document-table__name">
              {doc.fileName}
            </th>
            <td data-label="Type">
              {doc.status === 'uploaded'
                ? ((doc.contentType && ALLOWED_TYPES[doc.contentType]?.label) ?? '—')
                : 'Upload not finished'}
            </td>
            <td data-label="Size">{doc.sizeBytes !== undefined ? formatBytes(doc.sizeBytes) : '—'}</td>
            <td data-label="Added">{formatDate(doc.createdAt)}</td>
            <td>
              <div className="document-table__actions">
                {doc.status === 'uploaded' ? (
                  <RowAction
                    label="Download"
                    kind="secondary"
                    doc={doc}
                    onClick={onDownload}
                    busyId={busyId}
                  />
                ) : null}
                {onDelete ? (
                  <RowAction label="Delete" kind="danger" doc={doc} onClick={onDelete} busyId={busyId} />
                ) : null}
              </div>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A row's button, named for screen readers with the file it acts on; disabled while that row is busy. */
function RowAction({
  label,
  kind,
  doc,
  onClick,
  busyId,
}: {
  label: string;
  kind: 'secondary' | 'danger';
  doc: AssessmentDocument;
  onClick: (doc: AssessmentDocument) => void;
  busyId?: string;
}) {
  return (
    <button
      type="button"
      className={`button button--small button--${kind}`}
      onClick={() => onClick(doc)}
      disabled={busyId === doc.id}
    >
      {label}
      <span className="visually-hidden"> {doc.fileName}</span>
    </button>
  );
}
