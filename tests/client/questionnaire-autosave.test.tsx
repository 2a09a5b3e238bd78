import '@testing-library/jest-dom';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Domain } from '../../client/src/features/questionnaire/api/get-questionnaire';
import { DomainForm } from '../../client/src/features/questionnaire/components/domain-form';
import { SaveStatus } from '../../client/src/features/questionnaire/components/save-status';
import type {
  AutosaveDeps,
  Responses,
} from '../../client/src/features/questionnaire/lib/autosave-controller';
import { useAutosave } from '../../client/src/features/questionnaire/lib/use-autosave';
import { ApiError } from '../../client/src/lib/problem';

const domain: Domain = {
  id: 'strategy',
  name: 'Strategic Alignment & Vision',
  description: 'Where the company is going.',
  questions: [
    {
      id: 'vision',
      text: 'How clear is your vision?',
      type: 'scale',
      required: true,
      min: 1,
      max: 5,
      scaleLabels: ['Not defined', 'Shared by all'],
      help: 'Think of your leadership team.',
    },
    {
      id: 'cadence',
      text: 'How often do you review strategy?',
      type: 'choice',
      required: true,
      options: [
        { value: 'annual', label: 'Once a year' },
        { value: 'quarterly', label: 'Every quarter' },
      ],
    },
    {
      id: 'runway',
      text: 'Months of runway?',
      type: 'number',
      required: false,
      min: 0,
      max: 60,
      unit: 'months',
    },
    { id: 'obstacle', text: 'Biggest obstacle?', type: 'text', required: false },
  ],
};

class HttpError extends Error {
  constructor(readonly status: number) {
    super(`HTTP ${status}`);
  }
}

function Harness({ deps, onNext }: { deps: Omit<AutosaveDeps, 'onRemote'>; onNext: () => void }) {
  const autosave = useAutosave({ version: 1, status: 'draft', responses: { cadence: 'annual' } }, deps);
  return (
    <>
      <SaveStatus snapshot={autosave.snapshot} onRetry={() => void autosave.flush()} />
      <DomainForm
        domain={domain}
        values={autosave.values}
        onAnswer={autosave.setAnswer}
        onNext={onNext}
        nextLabel="Save and continue"
      />
    </>
  );
}

function makeDeps(outcomes: ('ok' | Error)[] = []) {
  const saved: { responses: Responses; version: number }[] = [];
  let version = 1;
  const deps: Omit<AutosaveDeps, 'onRemote'> = {
    save: async (responses, v) => {
      saved.push({ responses, version: v });
      const outcome = outcomes.shift() ?? 'ok';
      if (outcome !== 'ok') throw outcome;
      version += 1;
      return { version, progress: { answered: 1, total: 4 } };
    },
    reload: async () => ({ version, status: 'draft', responses: {} }),
    isConflict: (e) => e instanceof HttpError && e.status === 409,
    isTransient: (e) => e instanceof HttpError && (e.status === 0 || e.status >= 500),
    backoffMs: () => 5000,
  };
  return { deps, saved };
}

beforeAll(() => {
  // jsdom has no layout; the error summary scrolls the field into view.
  Element.prototype.scrollIntoView = jest.fn();
});
beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

describe('Questionnaire step with autosave', () => {
  const user = () => userEvent.setup({ advanceTimers: (ms) => jest.advanceTimersByTime(ms) });

  it('then every question is labelled: scales and choices as fieldsets with legends, with hints', () => {
    render(<Harness deps={makeDeps().deps} onNext={jest.fn()} />);
    const vision = screen.getByRole('group', { name: /1\. How clear is your vision\?/ });
    expect(within(vision).getAllByRole('radio')).toHaveLength(5);
    expect(within(vision).getByRole('radio', { name: /^1 ?, Not defined$/ })).toBeInTheDocument();
    expect(vision).toHaveAccessibleDescription('Think of your leadership team.');
    expect(screen.getByRole('radio', { name: 'Once a year' })).toBeChecked();
    expect(screen.getByRole('spinbutton', { name: /Months of runway\? \(optional\)/ })).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /Biggest obstacle\?/ })).toHaveAttribute('maxLength', '2000');
  });

  it('when the user answers, then it shows "Unsaved changes", then "Saving…", then "Saved" after one debounced PUT', async () => {
    const { deps, saved } = makeDeps();
    render(<Harness deps={deps} onNext={jest.fn()} />);
    await user().click(screen.getByRole('radio', { name: /^4/ }));
    await user().type(screen.getByRole('textbox', { name: /Biggest obstacle/ }), 'Hiring');
    expect(screen.getByTestId('save-status')).toHaveTextContent('Unsaved changes');
    await act(async () => {
      jest.advanceTimersByTime(800);
    });
    expect(saved).toEqual([{ responses: { vision: 4, obstacle: 'Hiring' }, version: 1 }]);
    expect(screen.getByTestId('save-status')).toHaveTextContent('Saved');
  });

  it('when the network is down, then it says so, offers Retry, and saves when Retry is pressed', async () => {
    const { deps, saved } = makeDeps([new HttpError(0)]);
    render(<Harness deps={deps} onNext={jest.fn()} />);
    await user().click(screen.getByRole('radio', { name: /^2/ }));
    await act(async () => {
      jest.advanceTimersByTime(800);
    });
    expect(screen.getByTestId('save-status')).toHaveTextContent(/Not saved yet: connection problem/);
    await user().click(screen.getByRole('button', { name: 'Retry now' }));
    expect(saved).toHaveLength(2);
    expect(saved[1]!.responses).toEqual({ vision: 2 });
    expect(screen.getByTestId('save-status')).toHaveTextContent('Saved');
  });

  it('when the session has expired (401), then it keeps the answer and offers to sign in again in a new tab', async () => {
    const { deps, saved } = makeDeps([new ApiError(401, { title: 'Unauthorized', status: 401 })]);
    deps.isTransient = () => false;
    render(<Harness deps={deps} onNext={jest.fn()} />);
    await user().click(screen.getByRole('radio', { name: /^5/ }));
    await act(async () => {
      jest.advanceTimersByTime(800);
    });
    const link = screen.getByRole('link', { name: /Sign in again \(opens a new tab\), then press Retry/ });
    expect(link).toHaveAttribute('target', '_blank');
    await user().click(screen.getByRole('button', { name: 'Retry now' }));
    expect(saved.map((s) => s.responses)).toEqual([{ vision: 5 }, { vision: 5 }]);
    expect(screen.getByTestId('save-status')).toHaveTextContent('Saved');
  });

  it('when a number is out of range, then the field explains and nothing is saved', async () => {
    const { deps, saved } = makeDeps();
    render(<Harness deps={deps} onNext={jest.fn()} />);
    const runway = screen.getByRole('spinbutton', { name: /Months of runway/ });
    await user().type(runway, '75');
    expect(runway).toHaveAccessibleDescription(/Enter 60 or less\./);
    expect(runway).toBeInvalid();
    await act(async () => {
      jest.advanceTimersByTime(2000);
    });
    expect(saved.flatMap((s) => Object.values(s.responses))).not.toContain(75);
  });

  it('when required answers are missing, then an error summary takes focus and links to each question', async () => {
    const onNext = jest.fn();
    render(<Harness deps={makeDeps().deps} onNext={onNext} />);
    await user().click(screen.getByRole('button', { name: 'Save and continue' }));
    expect(onNext).not.toHaveBeenCalled();
    const summary = screen.getByRole('alert');
    expect(summary).toHaveFocus();
    expect(summary).toHaveTextContent('1 required answer is missing');
    const link = within(summary).getByRole('link', { name: /Answer question 1: How clear is your vision\?/ });
    await user().click(link);
    expect(screen.getByRole('radio', { name: /^1 ?, Not defined$/ })).toHaveFocus();
    // Answering removes the problem; continuing now works.
    await user().click(screen.getByRole('radio', { name: /^3/ }));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    await user().click(screen.getByRole('button', { name: 'Save and continue' }));
    expect(onNext).toHaveBeenCalledTimes(1);
  });

  it('when the keyboard is used, then Tab reaches the scale and Space answers it', async () => {
    const { deps } = makeDeps();
    render(<Harness deps={deps} onNext={jest.fn()} />);
    const u = user();
    await u.tab();
    const focused = document.activeElement as HTMLInputElement;
    expect(focused).toBe(screen.getByRole('radio', { name: /^1 ?, Not defined$/ }));
    await u.keyboard(' ');
    expect(focused).toBeChecked();
    expect(screen.getByTestId('save-status')).toHaveTextContent('Unsaved changes');
  });
});
