/**
 * The screen shown when the document cannot be opened: what happened, what to
 * do, and a way to try again. Never a blank window.
 */
import type { ReactNode } from 'react';
import type { AppStatus } from '../../shared/contract/types';

interface Props {
  title: string;
  message: string;
  status: AppStatus | null;
  onRetry: () => void;
}

export function ErrorScreen({ title, message, status, onRetry }: Props): ReactNode {
  return (
    <main className="error-screen" aria-labelledby="error-title">
      <h1 id="error-title">{title}</h1>
      <p className="error-message">{message}</p>
      <h2>What you can do</h2>
      <ul>
        {status?.content.code === 'too-new' ? (
          <li>Update Recollection: this copy of the document was made by a newer version of the app.</li>
        ) : null}
        {status?.electron === false || !status ? (
          <li>
            If you run Recollection from its source folder, build the document with <code>npm run build:content</code>,
            then try again.
          </li>
        ) : null}
        <li>If you installed Recollection, reinstall it: the document ships with the app.</li>
        <li>Your own notes are kept in a separate file and are not affected.</li>
      </ul>
      <button type="button" className="button primary" onClick={onRetry}>
        Try again
      </button>
      {status ? <p className="muted small">Recollection {status.version}</p> : null}
    </main>
  );
}
