import { type FormEvent, useState } from 'react';
import { ErrorAlert } from '../../../components/error-alert';
import { ErrorSummary } from '../../../components/error-summary';
import { TextField } from '../../../components/text-field';
import { ApiError } from '../../../lib/problem';
import { type RegisterInput, type RegisterResponse, useRegister } from '../api/register';
import { compact, type FieldErrors, summaryItems, validateEmail, validateNewPassword } from '../lib/validate';
import { EmailField, NewPasswordField } from './credential-fields';

export const INDUSTRIES = [
  'Software & SaaS',
  'E-commerce & Retail',
  'Financial Services',
  'Healthcare & Life Sciences',
  'Manufacturing',
  'Professional Services',
  'Logistics & Transport',
  'Media & Entertainment',
  'Education',
  'Energy & Utilities',
  'Hospitality & Food',
  'Other',
];

const FIELD_ORDER = ['email', 'password', 'companyName', 'industry'] as const;

/** Sign-up: email, password, company and industry, validated here and by the API. */
export function RegisterForm({
  onRegistered,
}: {
  onRegistered: (res: RegisterResponse, input: RegisterInput) => void;
}) {
  const [input, setInput] = useState<RegisterInput>({
    email: '',
    password: '',
    companyName: '',
    industry: '',
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const { run, pending, error } = useRegister();
  const set = (key: keyof RegisterInput) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value;
    setInput((prev) => ({ ...prev, [key]: value }));
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found = compact({
      email: validateEmail(input.email),
      password: validateNewPassword(input.password),
      companyName: input.companyName.trim() ? undefined : 'Enter your company name.',
      industry: input.industry ? undefined : 'Choose your industry.',
    });
    setErrors(found);
    setAttempt((n) => n + 1);
    if (Object.keys(found).length > 0) return;
    const clean = { ...input, email: input.email.trim(), companyName: input.companyName.trim() };
    const res = await run(clean);
    if (res) onRegistered(res, clean);
  };

  const serverFields = error instanceof ApiError ? error.fieldErrors : {};
  const shown: FieldErrors = { ...serverFields, ...errors };
  const taken = error instanceof ApiError && error.status === 409;
  const summary = summaryItems(errors, 'register', FIELD_ORDER);
  /** The props every input of this form takes: its id, value, change handler and error. */
  const fieldOf = (key: keyof RegisterInput) => ({
    inputId: `register-${key}`,
    value: input[key],
    onChange: set(key),
    error: shown[key],
  });

  return (
    <form onSubmit={submit} noValidate className="stack">
      <ErrorSummary items={summary} focusKey={attempt} />
      {taken ? (
        <div className="alert alert--error" role="alert">
          <p>
            An account with this email already exists. <a href="/login">Sign in instead</a>.
          </p>
        </div>
      ) : error ? (
        <ErrorAlert error={error} title="We could not create your account" />
      ) : null}
      <EmailField label="Work email address" {...fieldOf('email')} />
      <NewPasswordField label="Password" name="password" {...fieldOf('password')} />
      <TextField
        label="Company name"
        name="companyName"
        autoComplete="organization"
        {...fieldOf('companyName')}
      />
      <div className={`field${shown.industry ? ' field--error' : ''}`}>
        <label htmlFor="register-industry" className="field__label">
          Industry
        </label>
        {shown.industry ? (
          <p id="register-industry-error" className="field__error">
            <span className="visually-hidden">Error: </span>
            {shown.industry}
          </p>
        ) : null}
        <select
          id="register-industry"
          name="industry"
          className="input"
          value={input.industry}
          onChange={set('industry')}
          aria-invalid={shown.industry ? true : undefined}
          aria-describedby={shown.industry ? 'register-industry-error' : undefined}
        >
          <option value="">Choose an industry</option>
          {INDUSTRIES.map((i) => (
            <option key={i} value={i}>
              {i}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button" disabled={pending}>
        {pending ? 'Creating your account…' : 'Create account'}
      </button>
    </form>
  );
}
