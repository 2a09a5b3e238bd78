import { ProgressBar } from '../../../components/progress-bar';
import { formatBytes } from '../../../lib/format';
import type { UploadItem } from '../lib/upload-queue';

type UploadListProps = {
  items: UploadItem[];
  onCancel: (key: string) => void;
  onRetry: (key: string) => void;
  onDismiss: (key: string) => void;
};

const STATUS_TEXT: Record<UploadItem['status'], string> = {
  queued: 'Waiting',
  uploading: 'Uploading',
  completing: 'Checking',
  done: 'Uploaded',
  error: 'Failed',
  canceled: 'Canceled',
  rejected: 'Not allowed',
};

/**
 * The files being uploaded now, each with its own progress bar and actions. A finished upload leaves
 * this list: it is in the attached table from then on, so it is not shown twice.
 */
export function UploadList({ items, onCancel, onRetry, onDismiss }: UploadListProps) {
  const shown = items.filter((i) => i.status !== 'done');
  if (shown.length === 0) return null;
  return (
    <ul className="upload-list" aria-label="Uploads in progress">
      {shown.map((item) => {
        const pct = Math.round(item.progress * 100);
        const tone =
          item.status === 'done'
            ? 'success'
            : item.status === 'error' || item.status === 'rejected'
              ? 'error'
              : 'default';
        return (
          <li key={item.key} className={`upload upload--${item.status}`} data-testid="upload-item">
            <div className="upload__head">
              <span className="upload__name">{item.fileName}</span>
              <span className="upload__meta">
                {formatBytes(item.sizeBytes)} · {STATUS_TEXT[item.status]}
              </span>
            </div>
            {item.status !== 'rejected' ? (
              <ProgressBar value={pct} label={`Upload of ${item.fileName}`} tone={tone} />
            ) : null}
            {item.error ? <p className="field__error">{item.error}</p> : null}
            <div className="upload__actions">
              {item.status === 'queued' || item.status === 'uploading' ? (
                <button
                  type="button"
                  className="button button--small button--secondary"
                  onClick={() => onCancel(item.key)}
                >
                  Cancel<span className="visually-hidden"> upload of {item.fileName}</span>
                </button>
              ) : null}
              {item.status === 'error' || item.status === 'canceled' ? (
                <button type="button" className="button button--small" onClick={() => onRetry(item.key)}>
                  Retry<span className="visually-hidden"> upload of {item.fileName}</span>
                </button>
              ) : null}
              {item.status === 'done' ||
              item.status === 'error' ||
              item.status === 'canceled' ||
              item.status === 'rejected' ? (
                <button
                  type="button"
                  className="button button--small button--link"
                  onClick={() => onDismiss(item.key)}
                >
                  Dismiss<span className="visually-hidden"> {item.fileName}</span>
                </button>
              ) : null}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
