import { ErrorAlert } from '../../../components/error-alert';
import { exportFileName, useExportAccount } from '../api/export-account';

/** Hands the user a JSON file of everything ScaleMap holds about them. */
export function ExportData() {
  const exporter = useExportAccount();
  const download = async () => {
    const data = await exporter.run();
    if (!data) return;
    const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = exportFileName(data.exportedAt);
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  return (
    <section aria-labelledby="export-title" className="stack">
      <h2 id="export-title">Export your data</h2>
      <p>
        Download a JSON file with your account details and every assessment: answers, scores and the list of
        documents.
      </p>
      {exporter.error ? <ErrorAlert error={exporter.error} title="The export could not be made" /> : null}
      <button
        type="button"
        className="button button--secondary"
        onClick={() => void download()}
        disabled={exporter.pending}
      >
        {exporter.pending ? 'Preparing…' : 'Download my data (JSON)'}
      </button>
    </section>
  );
}
