/**
 * Last line of defence: if a part of the reader fails while drawing, show a
 * calm message with a way back instead of an empty window. The user's notes
 * are in the core, untouched by anything that happens here.
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { errorMessage } from '../../shared/errors';

interface State {
  failed: string | null;
}

export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { failed: null };

  static getDerivedStateFromError(error: unknown): State {
    return { failed: errorMessage(error) };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('reader failed to draw', error, info.componentStack);
  }

  override render(): ReactNode {
    if (this.state.failed === null) return this.props.children;
    return (
      <main className="error-screen" aria-labelledby="crash-title">
        <h1 id="crash-title">Something went wrong while showing this page</h1>
        <p className="error-message">{this.state.failed}</p>
        <p>Your notes are safe: they are stored separately and were not changed.</p>
        <button type="button" className="button primary" onClick={() => window.location.reload()}>
          Reload the reader
        </button>
      </main>
    );
  }
}
