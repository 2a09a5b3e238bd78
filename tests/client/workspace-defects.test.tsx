import './support/polyfills';
import '@testing-library/jest-dom';
import { render, screen } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { AppRoutes } from '../../client/src/app/router';
import { DocumentsRoute } from '../../client/src/app/routes/assessment/documents';
import type { Assessment } from '../../client/src/features/assessments/api/get-assessment';
import { stepLabel } from '../../client/src/features/assessments/lib/steps';
import { WorkspaceProvider } from '../../client/src/features/assessments/lib/workspace-context';
import { AuthProvider } from '../../client/src/features/auth/lib/auth-context';
import { UploadList } from '../../client/src/features/documents/components/upload-list';
import { type QueueApi, UploadQueue } from '../../client/src/features/documents/lib/upload-queue';
import type { Questionnaire } from '../../client/src/features/questionnaire/api/get-questionnaire';
import { installFetch } from './support/fake-fetch';

jest.mock('../../client/src/config/env', () => ({ env: { VITE_API_URL: '/api', MODE: 'test' } }));

beforeEach(() => {
  installFetch();
  localStorage.clear();
});

const questionnaire: Questionnaire = {
  version: '1',
  bands: [],
  domains: [
    { id: 'strategy', name: 'Strategic Alignment & Vision', description: 'Strategy.', questions: [] },
    {
      id: 'finance',
      name: 'Financial Management & Capital Efficiency',
      description: 'Finance.',
      questions: [],
    },
  ],
};
const assessment = (status: Assessment['status']): Assessment => ({
  id: 'a1',
  name: 'Q4 board review',
  status,
  version: 3,
  responses: {},
  documents: [
    {
      id: 'd1',
      fileName: 'board-pack.pdf',
      contentType: 'application/pdf',
      sizeBytes: 2048,
      status: 'uploaded',
      createdAt: '2026-11-01T09:00:00Z',
    },
  ],
  progress: { answered: 75, total: 75 },
  createdAt: '2026-11-01T09:00:00Z',
  updatedAt: '2026-11-01T09:00:00Z',
  submittedAt: status === 'submitted' ? '2026-11-02T09:00:00Z' : null,
});
const renderDocuments = (status: Assessment['status']) =>
  render(
    <MemoryRouter initialEntries={['/assessments/a1/documents']}>
      <WorkspaceProvider assessment={assessment(status)} questionnaire={questionnaire}>
        <Routes>
          <Route path="/assessments/:assessmentId/documents" element={<DocumentsRoute />} />
        </Routes>
      </WorkspaceProvider>
    </MemoryRouter>,
  );

describe('Documents after submit', () => {
  it('when the assessment is submitted, then the page no longer talks of steps, optional uploads or going back to questions', () => {
    renderDocuments('submitted');
    const main = document.body;
    expect(main).not.toHaveTextContent('Step 2 of 3');
    expect(main).not.toHaveTextContent('Documents are optional');
    expect(screen.queryByRole('link', { name: 'Back to questions' })).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to results' })).toHaveAttribute(
      'href',
      '/assessments/a1/results',
    );
    expect(screen.queryByText(/Drag files here|Choose files/i)).not.toBeInTheDocument();
    expect(screen.getByRole('rowheader', { name: 'board-pack.pdf' })).toBeInTheDocument();
  });

  it('when it is a draft, then it is step 2 of 3 with a way back to the last domain and on to review', () => {
    localStorage.setItem('scalemap:last-step:a1', 'strategy');
    renderDocuments('draft');
    expect(screen.getByText('Step 2 of 3 · Documents')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to questions' })).toHaveAttribute(
      'href',
      '/assessments/a1/domains/strategy',
    );
    expect(screen.getByRole('link', { name: 'Continue to review' })).toBeInTheDocument();
  });

  it('then every page numbers its step the same way', () => {
    expect([1, 2, 3].map((n) => stepLabel(n as 1 | 2 | 3, false))).toEqual([
      'Step 1 of 3 · Questions',
      'Step 2 of 3 · Documents',
      'Step 3 of 3 · Review and submit',
    ]);
    expect(stepLabel(2, true)).not.toMatch(/Step/);
  });
});

describe('Uploads', () => {
  it('when an upload has finished, then its card leaves the upload list (the attached table lists it)', () => {
    render(
      <UploadList
        items={[
          {
            key: 'a',
            fileName: 'done.pdf',
            sizeBytes: 10,
            contentType: 'application/pdf',
            status: 'done',
            progress: 1,
          },
          {
            key: 'b',
            fileName: 'busy.pdf',
            sizeBytes: 10,
            contentType: 'application/pdf',
            status: 'uploading',
            progress: 0.5,
          },
        ]}
        onCancel={jest.fn()}
        onRetry={jest.fn()}
        onDismiss={jest.fn()}
      />,
    );
    expect(screen.getAllByTestId('upload-item')).toHaveLength(1);
    expect(screen.queryByText('done.pdf')).not.toBeInTheDocument();
    expect(screen.getByText('busy.pdf')).toBeInTheDocument();
  });

  it('when the same file is added again, then it is refused with a reason and not uploaded twice', () => {
    const api: QueueApi<{ id: string; fileName: string; status: string }> = {
      create: jest.fn(() => new Promise(() => undefined)),
      complete: jest.fn(),
      remove: jest.fn(),
      transport: jest.fn(),
      describeError: () => 'failed',
    };
    const queue = new UploadQueue(api, {
      existingCount: () => 1,
      existing: () => [{ fileName: 'board-pack.pdf', sizeBytes: 2048 }],
    });
    const make = (name: string, size: number) => {
      const f = new File(['x'], name, { type: 'application/pdf' });
      Object.defineProperty(f, 'size', { value: size });
      return f;
    };
    const [again, other, twice, twiceAgain] = queue.add([
      make('Board-Pack.pdf', 2048),
      make('board-pack.pdf', 4096),
      make('plan.pdf', 10),
      make('plan.pdf', 10),
    ]);
    expect(again).toMatchObject({
      status: 'rejected',
      error: 'Board-Pack.pdf is already attached. Delete the attached copy first to replace it.',
    });
    expect(other?.status).not.toBe('rejected');
    expect(twice?.status).not.toBe('rejected');
    expect(twiceAgain).toMatchObject({ status: 'rejected', error: 'plan.pdf is already being uploaded.' });
    expect(api.create).toHaveBeenCalledTimes(2);
  });
});

describe('First visit', () => {
  it('when a signed-out visitor opens /, then a landing page explains ScaleMap and offers sign-up', async () => {
    render(
      <AuthProvider>
        <MemoryRouter initialEntries={['/']}>
          <AppRoutes />
        </MemoryRouter>
      </AuthProvider>,
    );
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Know what will break before you scale' }),
    ).toBeInTheDocument();
    expect(screen.getByText('About 20 minutes')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'What ScaleMap measures' })).toBeInTheDocument();
    expect(screen.getByRole('img', { name: /Sample result/ })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Start your assessment' })).toHaveAttribute('href', '/register');
  });
});
