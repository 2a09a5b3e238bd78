import '@testing-library/jest-dom';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ConfirmForm } from '../../client/src/features/auth/components/confirm-form';
import { LoginForm } from '../../client/src/features/auth/components/login-form';
import { RegisterForm } from '../../client/src/features/auth/components/register-form';
import { AuthProvider, safeNext, useAuth } from '../../client/src/features/auth/lib/auth-context';
import { fetchMock, respond } from './support/fake-fetch';

// config/env.ts reads import.meta.env (Vite); Jest runs CommonJS, so give it the default directly.
jest.mock('../../client/src/config/env', () => ({ env: { VITE_API_URL: '/api', MODE: 'test' } }));

/** A user id as the API sends it (the client parses with the API's contract). */
const USER_ID = '00000000-0000-4000-8000-000000000001';

beforeEach(() => {
  fetchMock.mockReset();
  globalThis.fetch = fetchMock as unknown as typeof fetch;
});

describe('RegisterForm', () => {
  const fill = async () => {
    await userEvent.type(screen.getByLabelText('Work email address'), 'ada@example.com');
    await userEvent.type(screen.getByLabelText(/^Password/), 'Correct-Horse-42');
    await userEvent.type(screen.getByLabelText('Company name'), 'Acme');
    await userEvent.selectOptions(screen.getByLabelText('Industry'), 'Manufacturing');
  };

  it('when fields are empty or weak, then each field says what to fix and nothing is sent', async () => {
    render(<RegisterForm onRegistered={jest.fn()} />);
    await userEvent.type(screen.getByLabelText(/^Password/), 'short');
    await userEvent.click(screen.getByRole('button', { name: 'Create account' }));
    expect(screen.getByLabelText('Work email address')).toHaveAccessibleDescription(
      /Enter your email address\./,
    );
    expect(screen.getByLabelText(/^Password/)).toHaveAccessibleDescription(/Use at least 12 characters\./);
    expect(screen.getByLabelText('Industry')).toBeInvalid();
    expect(screen.getByRole('alert')).toHaveFocus();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('when the API rejects a field (400 problem+json), then its message sits next to that field', async () => {
    respond({
      status: 400,
      body: {
        type: 'about:blank',
        title: 'Bad Request',
        status: 400,
        correlationId: 'corr-1',
        errors: [{ path: 'companyName', message: 'Company name must not contain control characters.' }],
      },
    });
    const onRegistered = jest.fn();
    render(<RegisterForm onRegistered={onRegistered} />);
    await fill();
    await userEvent.click(screen.getByRole('button', { name: 'Create account' }));
    expect(await screen.findByText('Company name must not contain control characters.')).toBeInTheDocument();
    expect(screen.getByLabelText('Company name')).toBeInvalid();
    expect(screen.getByText(/Reference for support: corr-1/)).toBeInTheDocument();
    expect(onRegistered).not.toHaveBeenCalled();
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/api/auth/register');
    expect(init.credentials).toBe('same-origin');
    expect(JSON.parse(String(init.body))).toEqual({
      email: 'ada@example.com',
      password: 'Correct-Horse-42',
      companyName: 'Acme',
      industry: 'Manufacturing',
    });
  });

  it('when the email is taken (409), then it offers to sign in instead', async () => {
    respond({ status: 409, body: { title: 'Conflict', status: 409, detail: 'Email already registered.' } });
    render(<RegisterForm onRegistered={jest.fn()} />);
    await fill();
    await userEvent.click(screen.getByRole('button', { name: 'Create account' }));
    expect(await screen.findByRole('link', { name: 'Sign in instead' })).toHaveAttribute('href', '/login');
  });

  it('when the account is created, then the caller learns whether a confirmation code is needed', async () => {
    respond({ status: 201, body: { userId: USER_ID, email: 'ada@example.com', confirmationRequired: true } });
    const onRegistered = jest.fn();
    render(<RegisterForm onRegistered={onRegistered} />);
    await fill();
    await userEvent.click(screen.getByRole('button', { name: 'Create account' }));
    await screen.findByRole('button', { name: 'Create account' });
    expect(onRegistered).toHaveBeenCalledWith(
      { userId: USER_ID, email: 'ada@example.com', confirmationRequired: true },
      expect.objectContaining({ email: 'ada@example.com' }),
    );
  });
});

describe('LoginForm', () => {
  it('when the password is wrong (401), then it says so in plain words without saying which part', async () => {
    respond({ status: 401, body: { title: 'Unauthorized', status: 401, detail: 'Invalid credentials.' } });
    render(<LoginForm onSuccess={jest.fn()} />);
    await userEvent.type(screen.getByLabelText('Email address'), 'ada@example.com');
    await userEvent.type(screen.getByLabelText('Password'), 'nope');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The email or password is not right.');
  });

  it('when the server is down, then the message is about the connection, with a support reference', async () => {
    respond({ status: 503, body: '<html>bad gateway</html>' });
    render(<LoginForm onSuccess={jest.fn()} />);
    await userEvent.type(screen.getByLabelText('Email address'), 'ada@example.com');
    await userEvent.type(screen.getByLabelText('Password'), 'x');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Something went wrong on our side. Please try again.',
    );
    expect(screen.getByText(/Reference for support: corr-123/)).toBeInTheDocument();
  });

  it('when sign-in succeeds, then the user is handed over and no token is stored', async () => {
    respond({
      status: 200,
      body: {
        accessToken: 'eyJ.a.b',
        idToken: 'eyJ.c.d',
        expiresIn: 3600,
        tokenType: 'Bearer',
        user: { id: USER_ID, email: 'ada@example.com', companyName: 'Acme', industry: 'Manufacturing' },
      },
    });
    const onSuccess = jest.fn();
    render(<LoginForm onSuccess={onSuccess} />);
    await userEvent.type(screen.getByLabelText('Email address'), 'ada@example.com');
    await userEvent.type(screen.getByLabelText('Password'), 'Correct-Horse-42');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await screen.findByRole('button', { name: 'Sign in' });
    expect(onSuccess).toHaveBeenCalledWith({ user: expect.objectContaining({ email: 'ada@example.com' }) });
    expect(JSON.stringify({ ...localStorage })).not.toMatch(/eyJ/);
    expect(document.cookie).toBe('');
  });
});

describe('ConfirmForm', () => {
  it('when the code is not 6 digits, then it says so without calling the API', async () => {
    render(<ConfirmForm email="ada@example.com" onConfirmed={jest.fn()} />);
    expect(screen.getByLabelText('Confirmation code')).toHaveFocus();
    await userEvent.type(screen.getByLabelText('Confirmation code'), '12ab');
    await userEvent.click(screen.getByRole('button', { name: 'Confirm' }));
    expect(screen.getByLabelText('Confirmation code')).toHaveAccessibleDescription(/Enter the 6-digit code/);
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('when the code is wrong (400), then the field says so; when right (204), then it moves on', async () => {
    respond({ status: 400, body: { title: 'Bad Request', status: 400 } }, { status: 204 });
    const onConfirmed = jest.fn();
    render(<ConfirmForm email="ada@example.com" onConfirmed={onConfirmed} />);
    const code = screen.getByLabelText('Confirmation code');
    await userEvent.type(code, '123456');
    await userEvent.click(screen.getByRole('button', { name: 'Confirm' }));
    expect(await screen.findByText('That code is not right or has expired.')).toBeInTheDocument();
    expect(onConfirmed).not.toHaveBeenCalled();
    await userEvent.clear(code);
    await userEvent.type(code, '654321');
    await userEvent.click(screen.getByRole('button', { name: 'Confirm' }));
    await screen.findByRole('button', { name: 'Confirm' });
    expect(onConfirmed).toHaveBeenCalledTimes(1);
    expect(JSON.parse(String(fetchMock.mock.calls[1]![1].body))).toEqual({
      email: 'ada@example.com',
      code: '654321',
    });
  });
});

function Who() {
  const { user, loading } = useAuth();
  return <p>{loading ? 'checking' : user ? `signed in as ${user.email}` : 'signed out'}</p>;
}

describe('AuthProvider', () => {
  it('when this browser never signed in, then it is signed out without asking the API', async () => {
    localStorage.clear();
    render(
      <AuthProvider>
        <Who />
      </AuthProvider>,
    );
    expect(await screen.findByText('signed out')).toBeInTheDocument();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('when it signed in before, then GET /api/auth/me decides, and a 401 forgets the hint', async () => {
    localStorage.setItem('scalemap:signed-in', '1');
    respond({ status: 401, body: { title: 'Unauthorized', status: 401 } });
    render(
      <AuthProvider>
        <Who />
      </AuthProvider>,
    );
    expect(await screen.findByText('signed out')).toBeInTheDocument();
    expect(fetchMock.mock.calls[0]![0]).toBe('/api/auth/me');
    expect(localStorage.getItem('scalemap:signed-in')).toBeNull();
  });

  it('when the cookie session is valid, then the user is known', async () => {
    localStorage.setItem('scalemap:signed-in', '1');
    respond({
      status: 200,
      body: { id: USER_ID, email: 'ada@example.com', companyName: 'Acme', industry: 'Other' },
    });
    render(
      <AuthProvider>
        <Who />
      </AuthProvider>,
    );
    expect(await screen.findByText('signed in as ada@example.com')).toBeInTheDocument();
  });
});

describe('safeNext', () => {
  it('when the post-login destination is another site, then it falls back to the dashboard', () => {
    expect(safeNext('/assessments/a1/review')).toBe('/assessments/a1/review');
    expect(safeNext('/login?next=%2F')).toBe('/login?next=%2F');
    for (const evil of ['//evil.example', '/\\evil.example', 'https://evil.example', '/\tx', null, '']) {
      expect(safeNext(evil)).toBe('/');
    }
  });
});
