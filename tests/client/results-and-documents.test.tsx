import '@testing-library/jest-dom';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DocumentList } from '../../client/src/features/documents/components/document-list';
import { FileDropZone } from '../../client/src/features/documents/components/file-drop-zone';
import { UploadList } from '../../client/src/features/documents/components/upload-list';
import type { UploadItem } from '../../client/src/features/documents/lib/upload-queue';
import { RadarChart } from '../../client/src/features/results/components/radar-chart';
import { ScoresTable } from '../../client/src/features/results/components/scores-table';
import { radarGeometry } from '../../client/src/features/results/lib/radar-data';
import { DOMAIN_NAMES } from '../support/domain-names';

const domains = DOMAIN_NAMES.map((name, i) => ({ id: `d${i + 1}`, name }));

describe('Results', () => {
  const geometry = radarGeometry(
    domains,
    domains.map((d, i) => ({ domainId: d.id, score: 20 + i * 5 })),
    ['d1', 'd2'],
  );

  it('then the radar is one labelled image whose description summarises the scores', () => {
    render(<RadarChart geometry={geometry} title="Scale-readiness score by domain, out of 100" />);
    const chart = screen.getByRole('img', { name: /Scale-readiness score by domain, out of 100/ });
    expect(chart).toHaveAccessibleName(/Highest: Change Management & Implementation, 75\./);
    expect(chart).toHaveAccessibleName(
      /Priority domains: Strategic Alignment & Vision; Financial Management/,
    );
    expect(chart.querySelectorAll('.radar__point')).toHaveLength(12);
    expect(chart.querySelectorAll('.radar__point--priority')).toHaveLength(2);
    expect(chart.querySelector('.radar__area')?.getAttribute('points')?.split(' ')).toHaveLength(12);
  });

  it('then the data table lists every domain with its score and marks the priorities', () => {
    render(<ScoresTable points={geometry.points} />);
    const table = screen.getByRole('table', { name: 'Score by domain (0–100)' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(12);
    expect(within(rows[0]!).getByRole('rowheader')).toHaveTextContent('Strategic Alignment & Vision');
    expect(rows[0]).toHaveTextContent('20');
    expect(rows[0]).toHaveTextContent('Priority');
    expect(rows[2]).toHaveTextContent('—');
  });
});

describe('Documents', () => {
  const items: UploadItem[] = [
    {
      key: 'a',
      fileName: 'board.pdf',
      sizeBytes: 2048,
      contentType: 'application/pdf',
      status: 'uploading',
      progress: 0.42,
    },
    {
      key: 'b',
      fileName: 'plan.docx',
      sizeBytes: 10,
      contentType: null,
      status: 'error',
      progress: 0.1,
      error: 'Lost connection.',
    },
    {
      key: 'c',
      fileName: 'run.exe',
      sizeBytes: 10,
      contentType: null,
      status: 'rejected',
      progress: 0,
      error: 'Not allowed.',
    },
  ];

  it('then each upload has its own named progress bar and the right actions', async () => {
    const onCancel = jest.fn();
    const onRetry = jest.fn();
    render(<UploadList items={items} onCancel={onCancel} onRetry={onRetry} onDismiss={jest.fn()} />);
    const bar = screen.getByRole('progressbar', { name: 'Upload of board.pdf' });
    expect(bar).toHaveAttribute('value', '42');
    expect(screen.getAllByRole('progressbar')).toHaveLength(2);
    await userEvent.click(screen.getByRole('button', { name: 'Cancel upload of board.pdf' }));
    await userEvent.click(screen.getByRole('button', { name: 'Retry upload of plan.docx' }));
    expect(onCancel).toHaveBeenCalledWith('a');
    expect(onRetry).toHaveBeenCalledWith('b');
    expect(screen.getByText('Lost connection.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Retry upload of run.exe/ })).not.toBeInTheDocument();
  });

  it('when files are picked, then the picker hands them over and its rules are described', async () => {
    const onFiles = jest.fn();
    render(<FileDropZone onFiles={onFiles} />);
    const input = screen.getByLabelText('Choose files');
    expect(input).toHaveAccessibleDescription(/PDF, DOCX, XLSX, CSV, PNG or JPEG, up to 25 MB each/);
    await userEvent.upload(input, new File(['%PDF'], 'a.pdf', { type: 'application/pdf' }));
    expect(onFiles).toHaveBeenCalledTimes(1);
    expect((onFiles.mock.calls[0]![0] as FileList)[0]!.name).toBe('a.pdf');
  });

  it('then uploaded documents have download and delete; an unfinished one only delete', async () => {
    const onDelete = jest.fn();
    render(
      <DocumentList
        documents={[
          {
            id: '1',
            fileName: 'board.pdf',
            contentType: 'application/pdf',
            sizeBytes: 1536,
            status: 'uploaded',
            createdAt: '2026-01-01T00:00:00.000Z',
          },
          {
            id: '2',
            fileName: 'half.pdf',
            contentType: 'application/pdf',
            sizeBytes: 10,
            status: 'pending',
            createdAt: '2026-01-01T00:00:00.000Z',
          },
        ]}
        onDownload={jest.fn()}
        onDelete={onDelete}
      />,
    );
    expect(screen.getByRole('rowheader', { name: 'board.pdf' })).toBeInTheDocument();
    expect(screen.getByRole('rowheader', { name: 'half.pdf' })).toBeInTheDocument();
    expect(screen.getByText('Upload not finished')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Download half.pdf' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Delete half.pdf' })).toBeInTheDocument();
    expect(screen.getByText('1.5 KB')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Delete board.pdf' }));
    expect(onDelete).toHaveBeenCalledWith(expect.objectContaining({ id: '1' }));
  });
});
