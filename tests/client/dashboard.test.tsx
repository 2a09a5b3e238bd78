import './support/polyfills';
import '@testing-library/jest-dom';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { DashboardRoute } from '../../client/src/app/routes/dashboard';
import { AuthProvider } from '../../client/src/features/auth/lib/auth-context';
import { fetchMock, installFetch, request, respond } from './support/fake-fetch';

jest.mock('../../client/src/config/env', () => ({ env: { VITE_API_URL: '/api', MODE: 'test' } }));

/** Ids as the API sends them (the client parses with the API's contract). */
const A1 = '00000000-0000-4000-8000-0000000000a1';
const A2 = '00000000-0000-4000-8000-0000000000a2';
const A3 = '00000000-0000-4000-8000-0000000000a3';

const item = (id: string, name: string, status: 'draft' | 'submitted', updatedAt: string, answered = 10) => ({
  id,
  name,
  status,
  version: 1,
  progress: { answered, total: 75 },
  createdAt: '2026-09-01T09:00:00.000Z',
  updatedAt,
  submittedAt: status === 'submitted' ? updatedAt : null,
});

beforeEach(() => {
  installFetch();
  localStorage.clear();
});

const renderDashboard = () =>
  render(
    <AuthProvider>
      <MemoryRouter>
        <DashboardRoute />
      </MemoryRouter>
    </AuthProvider>,
  );
const titles = () =>
  screen.getAllByTestId('assessment-card').map((c) => within(c).getByRole('heading').textContent);

describe('Dashboard', () => {
  it('then assessments show by name, last changed first, with status, progress and the last change', async () => {
    respond({
      status: 200,
      body: {
        items: [
          item(A1, 'Q3 baseline', 'submitted', '2026-10-01T09:00:00.000Z', 75),
          item(A2, 'Q4 board review', 'draft', '2026-11-20T09:00:00.000Z', 30),
        ],
        nextCursor: null,
      },
    });
    renderDashboard();
    await screen.findByRole('link', { name: 'Q4 board review' });
    expect(titles()).toEqual(['Q4 board review', 'Q3 baseline']);
    const [draft, submitted] = screen.getAllByTestId('assessment-card');
    expect(draft).toHaveTextContent('In progress');
    expect(draft).toHaveTextContent('Last change');
    expect(within(draft!).getByRole('progressbar', { name: 'Progress of Q4 board review' })).toHaveAttribute(
      'aria-valuetext',
      '30 of 75 answered (40%)',
    );
    expect(submitted).toHaveTextContent('Submitted');
    expect(within(submitted!).queryByRole('button', { name: /Delete/ })).not.toBeInTheDocument();
    expect(within(submitted!).getByRole('link', { name: 'View results Q3 baseline' })).toHaveAttribute(
      'href',
      `/assessments/${A1}/results`,
    );
    expect(screen.queryByRole('button', { name: 'Load more assessments' })).not.toBeInTheDocument();
  });

  it('when the list has a next cursor, then "Load more" fetches the next page and appends it', async () => {
    respond(
      {
        status: 200,
        body: { items: [item(A3, 'Newest', 'draft', '2026-11-30T09:00:00.000Z')], nextCursor: 'c-1' },
      },
      {
        status: 200,
        body: { items: [item(A1, 'Oldest', 'submitted', '2026-01-01T09:00:00.000Z')], nextCursor: null },
      },
    );
    renderDashboard();
    await userEvent.click(await screen.findByRole('button', { name: 'Load more assessments' }));
    await screen.findByRole('link', { name: 'Oldest' });
    expect(request(1).url).toBe('/api/assessments?cursor=c-1');
    expect(titles()).toEqual(['Newest', 'Oldest']);
    expect(screen.queryByRole('button', { name: 'Load more assessments' })).not.toBeInTheDocument();
  });

  it('when an assessment is renamed, then the new name is sent trimmed and shown', async () => {
    respond(
      {
        status: 200,
        body: {
          items: [item(A2, 'Assessment 2026-11-20', 'draft', '2026-11-20T09:00:00.000Z')],
          nextCursor: null,
        },
      },
      { status: 200, body: { id: A2, name: 'Q4 board review', updatedAt: '2026-12-01T09:00:00.000Z' } },
    );
    renderDashboard();
    await userEvent.click(await screen.findByRole('button', { name: 'Rename Assessment 2026-11-20' }));
    const dialog = screen.getByRole('dialog', { name: 'Rename assessment' });
    const field = within(dialog).getByLabelText('Name');
    expect(field).toHaveValue('Assessment 2026-11-20');
    await userEvent.clear(field);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save name' }));
    expect(within(dialog).getByText('Enter a name for the assessment.')).toBeInTheDocument();
    expect(fetchMock).toHaveBeenCalledTimes(1);
    await userEvent.type(field, '  Q4 board review {Enter}');
    await screen.findByRole('link', { name: 'Q4 board review' });
    expect(request(1)).toEqual({
      method: 'PATCH',
      url: `/api/assessments/${A2}`,
      body: { name: 'Q4 board review' },
    });
  });

  it('when a draft is deleted, then it asks first and the card goes only after the API agrees', async () => {
    respond(
      {
        status: 200,
        body: {
          items: [
            item(A2, 'Scratch draft', 'draft', '2026-11-20T09:00:00.000Z'),
            item(A1, 'Kept', 'submitted', '2026-10-20T09:00:00.000Z'),
          ],
          nextCursor: null,
        },
      },
      { status: 204 },
    );
    renderDashboard();
    await userEvent.click(await screen.findByRole('button', { name: 'Delete Scratch draft' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete this draft?' });
    expect(dialog).toHaveTextContent('Scratch draft, its answers and its documents will be deleted.');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(titles()).toEqual(['Scratch draft', 'Kept']);
    expect(fetchMock).toHaveBeenCalledTimes(1);

    await userEvent.click(screen.getByRole('button', { name: 'Delete Scratch draft' }));
    await userEvent.click(
      within(screen.getByRole('dialog', { name: 'Delete this draft?' })).getByRole('button', {
        name: 'Delete draft',
      }),
    );
    await waitFor(() => expect(titles()).toEqual(['Kept']));
    expect(request(1)).toMatchObject({ method: 'DELETE', url: `/api/assessments/${A2}` });
  });
});
