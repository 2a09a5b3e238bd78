import './support/polyfills';
import '@testing-library/jest-dom';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { ForgotPasswordRoute } from '../../client/src/app/routes/forgot-password';
import { LoginRoute } from '../../client/src/app/routes/login';
import { ChangePasswordForm } from '../../client/src/features/account/components/change-password-form';
import { DeleteAccount } from '../../client/src/features/account/components/delete-account';
import { ExportData } from '../../client/src/features/account/components/export-data';
import { ConfirmForm } from '../../client/src/features/auth/components/confirm-form';
import { AuthProvider } from '../../client/src/features/auth/lib/auth-context';
import { fetchMock, installFetch, problem, request, respond } from './support/fake-fetch';

jest.mock('../../client/src/config/env', () => ({ env: { VITE_API_URL: '/api', MODE: 'test' } }));

beforeEach(() => {
  installFetch();
  localStorage.clear();
});

describe('Forgot password', () => {
  const renderAt = (path: string) =>
    render(
      <AuthProvider>
        <MemoryRouter initialEntries={[path]}>
          <Routes>
            <Route path="/forgot-password" element={<ForgotPasswordRoute />} />
            <Route path="/login" element={<LoginRoute />} />
          </Routes>
        </MemoryRouter>
      </AuthProvider>,
    );

  it('when the sign-in page shows, then it links to resetting the password', () => {
    renderAt('/login');
    expect(screen.getByRole('link', { name: 'Forgot your password?' })).toHaveAttribute(
      'href',
      '/forgot-password',
    );
  });

  it('when a code is asked for and a wrong one entered, then the code field says so; the right one leads to sign-in', async () => {
    renderAt('/forgot-password');
    await userEvent.click(screen.getByRole('button', { name: 'Send reset code' }));
    expect(screen.getByText('Enter your email address.')).toBeInTheDocument();
    expect(fetchMock).not.toHaveBeenCalled();

    respond({ status: 204 });
    await userEvent.type(screen.getByLabelText('Email address'), 'ada@example.com');
    await userEvent.click(screen.getByRole('button', { name: 'Send reset code' }));
    await screen.findByRole('heading', { name: 'Set a new password' });
    expect(request(0)).toEqual({
      method: 'POST',
      url: '/api/auth/forgot-password',
      body: { email: 'ada@example.com' },
    });

    respond(problem(400, [{ path: 'code', message: 'Invalid code.' }]));
    await userEvent.type(screen.getByLabelText('Reset code'), '123456');
    await userEvent.type(screen.getByLabelText(/^New password/), 'Brand-New-Pass-42');
    await userEvent.click(screen.getByRole('button', { name: 'Set new password' }));
    expect(await screen.findByText(/That code is not right or has expired/)).toBeInTheDocument();
    expect(screen.getByLabelText('Reset code')).toHaveAttribute('aria-invalid', 'true');

    respond({ status: 204 });
    await userEvent.clear(screen.getByLabelText('Reset code'));
    await userEvent.type(screen.getByLabelText('Reset code'), '654321');
    await userEvent.click(screen.getByRole('button', { name: 'Set new password' }));
    await screen.findByRole('heading', { name: 'Sign in' });
    expect(request(2)).toEqual({
      method: 'POST',
      url: '/api/auth/reset-password',
      body: { email: 'ada@example.com', code: '654321', password: 'Brand-New-Pass-42' },
    });
    expect(screen.getByText(/Your password has been changed/)).toBeInTheDocument();
    expect(screen.getByLabelText('Email address')).toHaveValue('ada@example.com');
  });

  it('when the new password is weak, then the API message shows next to the password field', async () => {
    renderAt('/forgot-password?email=ada%40example.com');
    respond({ status: 204 }, problem(400, [{ path: 'password', message: 'Password is too weak.' }]));
    await userEvent.click(screen.getByRole('button', { name: 'Send reset code' }));
    await userEvent.type(await screen.findByLabelText('Reset code'), '123456');
    await userEvent.type(screen.getByLabelText(/^New password/), 'Brand-New-Pass-42');
    await userEvent.click(screen.getByRole('button', { name: 'Set new password' }));
    expect(await screen.findByText('Password is too weak.')).toBeInTheDocument();
  });
});

describe('Resend the confirmation code', () => {
  it('when asked, then a new code is requested for the same email and the page says so', async () => {
    render(<ConfirmForm email="ada@example.com" onConfirmed={jest.fn()} />);
    respond({ status: 204 });
    await userEvent.click(screen.getByRole('button', { name: 'send a new code' }));
    expect(await screen.findByText('We sent a new code to ada@example.com.')).toBeInTheDocument();
    expect(request(0)).toEqual({
      method: 'POST',
      url: '/api/auth/resend-confirmation',
      body: { email: 'ada@example.com' },
    });
  });
});

describe('Change password', () => {
  it('when the current password is wrong, then that field says so; when right, then a success message shows', async () => {
    render(<ChangePasswordForm />);
    await userEvent.type(screen.getByLabelText('Current password'), 'Old-Password-42');
    await userEvent.type(screen.getByLabelText(/^New password/), 'short');
    await userEvent.click(screen.getByRole('button', { name: 'Change password' }));
    expect(screen.getByText('Use at least 12 characters.')).toBeInTheDocument();
    expect(fetchMock).not.toHaveBeenCalled();

    respond(problem(400, [{ path: 'currentPassword', message: 'Current password is incorrect.' }]));
    await userEvent.clear(screen.getByLabelText(/^New password/));
    await userEvent.type(screen.getByLabelText(/^New password/), 'New-Password-4242');
    await userEvent.click(screen.getByRole('button', { name: 'Change password' }));
    expect(await screen.findByText('Current password is incorrect.')).toBeInTheDocument();
    expect(screen.getByLabelText('Current password')).toHaveAttribute('aria-invalid', 'true');

    respond({ status: 204 });
    await userEvent.click(screen.getByRole('button', { name: 'Change password' }));
    expect(await screen.findByText('Your password has been changed.')).toBeInTheDocument();
    expect(request(1).body).toEqual({ currentPassword: 'Old-Password-42', newPassword: 'New-Password-4242' });
    expect(screen.getByLabelText('Current password')).toHaveValue('');
  });
});

describe('Export my data', () => {
  it('when pressed, then the JSON export is saved under the dated file name', async () => {
    const created: Blob[] = [];
    URL.createObjectURL = jest.fn((b: Blob) => {
      created.push(b);
      return 'blob:export';
    });
    URL.revokeObjectURL = jest.fn();
    const clicked: HTMLAnchorElement[] = [];
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push(this);
    });
    const body = {
      exportedAt: '2026-12-02T10:00:00.000Z',
      user: { id: 'u1', email: 'ada@example.com', companyName: 'Acme', industry: 'Other', createdAt: 'x' },
      assessments: [{ id: 'a1', name: 'Q3', responses: { q1: 3 }, documents: [] }],
    };
    respond({ status: 200, body });
    render(<ExportData />);
    await userEvent.click(screen.getByRole('button', { name: 'Download my data (JSON)' }));
    await waitFor(() => expect(clicked).toHaveLength(1));
    expect(request(0)).toMatchObject({ method: 'GET', url: '/api/account/export' });
    expect(clicked[0]!.download).toBe('scalemap-export-2026-12-02.json');
    // jsdom's Blob has no text(); read it the old way.
    const text = await new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.readAsText(created[0]!);
    });
    expect(JSON.parse(text)).toEqual(body);
    click.mockRestore();
  });
});

describe('Delete my account', () => {
  it('when confirmed without, then with a wrong, then with the right password, then it is deleted only at the end', async () => {
    const onDeleted = jest.fn();
    render(<DeleteAccount onDeleted={onDeleted} />);
    await userEvent.click(screen.getByRole('button', { name: 'Delete my account' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete your account for good?' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Delete account and all data' }));
    expect(within(dialog).getByText('Enter your password to confirm.')).toBeInTheDocument();
    expect(fetchMock).not.toHaveBeenCalled();

    respond(problem(400, [{ path: 'password', message: 'Password is incorrect.' }]));
    await userEvent.type(within(dialog).getByLabelText('Your password'), 'Wrong-Password-1');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Delete account and all data' }));
    expect(await within(dialog).findByText('Password is incorrect.')).toBeInTheDocument();
    expect(onDeleted).not.toHaveBeenCalled();

    respond({ status: 204 });
    await userEvent.clear(within(dialog).getByLabelText('Your password'));
    await userEvent.type(within(dialog).getByLabelText('Your password'), 'Right-Password-1{Enter}');
    await waitFor(() => expect(onDeleted).toHaveBeenCalledTimes(1));
    expect(request(1)).toEqual({
      method: 'DELETE',
      url: '/api/account',
      body: { password: 'Right-Password-1' },
    });
  });
});
