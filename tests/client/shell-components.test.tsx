import '@testing-library/jest-dom';
import { render, screen } from '@testing-library/react';
import { ErrorAlert } from '../../client/src/components/error-alert';
import { LiveRegion } from '../../client/src/components/live-region';
import { PageHeading } from '../../client/src/components/page-heading';
import { ProgressBar } from '../../client/src/components/progress-bar';
import { announce } from '../../client/src/lib/announcer';
import { ApiError } from '../../client/src/lib/problem';

describe('ErrorAlert', () => {
  it('when a problem has a detail, then it shows it with the correlation id and a retry', () => {
    const onRetry = jest.fn();
    render(
      <ErrorAlert
        error={
          new ApiError(409, {
            title: 'Conflict',
            detail: 'The assessment has been submitted.',
            correlationId: 'c-9',
          })
        }
        onRetry={onRetry}
      />,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('The assessment has been submitted.');
    expect(screen.getByText('Reference for support: c-9')).toBeInTheDocument();
    screen.getByRole('button', { name: 'Try again' }).click();
    expect(onRetry).toHaveBeenCalled();
  });

  it('when the session has ended (401), then it links to sign in and back', () => {
    window.history.pushState({}, '', '/assessments/a1/review');
    render(<ErrorAlert error={new ApiError(401, { title: 'Unauthorized' })} onRetry={jest.fn()} />);
    expect(screen.getByRole('alert')).toHaveTextContent('Your session has ended. Please sign in again.');
    expect(screen.getByRole('link', { name: 'Sign in again' })).toHaveAttribute(
      'href',
      '/login?next=%2Fassessments%2Fa1%2Freview',
    );
    expect(screen.queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument();
  });

  it('when the network is down, then it says to check the connection', () => {
    render(<ErrorAlert error={new ApiError(0, { title: 'Network error' })} />);
    expect(screen.getByRole('alert')).toHaveTextContent('We could not reach ScaleMap. Check your connection');
  });
});

describe('shell pieces', () => {
  it('then a progress bar has a name and a spoken value', () => {
    render(<ProgressBar value={30} max={75} label="Overall progress" valueText="30 of 75 answered (40%)" />);
    const bar = screen.getByRole('progressbar', { name: 'Overall progress' });
    expect(bar).toHaveAttribute('aria-valuetext', '30 of 75 answered (40%)');
  });

  it('then the page heading names the document', () => {
    render(<PageHeading title="Review and submit" />);
    expect(screen.getByRole('heading', { level: 1, name: 'Review and submit' })).toBeInTheDocument();
    expect(document.title).toBe('Review and submit · ScaleMap');
  });

  it('when something is announced, then the live region speaks it', async () => {
    render(<LiveRegion />);
    announce('board.pdf uploaded.');
    expect(await screen.findByText('board.pdf uploaded.')).toHaveAttribute('aria-live', 'polite');
  });
});
