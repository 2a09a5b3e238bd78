import { Component, type ErrorInfo, type ReactNode } from 'react';

type Props = { resetKey: string; children: ReactNode };
type State = { error: unknown; key: string };

/** Catches render errors and failed chunk loads; clears itself when the user navigates elsewhere. */
export class RouteErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, key: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey !== state.key ? { error: null, key: props.resetKey } : null;
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    // Surfaces in the browser console for support; there is no client-side error reporting service.
    console.warn('Page failed to render', error, info.componentStack);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <main id="main" className="container page">
        <h1>Something went wrong</h1>
        <p>This page failed to load. This can happen after an update or when the connection drops.</p>
        <p className="step-buttons">
          <button type="button" className="button" onClick={() => window.location.reload()}>
            Reload the page
          </button>
          <a href="/" className="button button--secondary">
            Go to your assessments
          </a>
        </p>
      </main>
    );
  }
}
