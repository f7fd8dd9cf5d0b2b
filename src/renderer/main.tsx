/**
 * Renderer entry: bundled fonts and styles, then the React tree.
 *
 * Constraint: fonts and styles are imported so Vite bundles them; the page
 * loads nothing from outside the app.
 */
// First, before any module that builds a schema (see the module).
import './zod-jitless';
import '@fontsource/source-serif-4/400.css';
import '@fontsource/source-serif-4/400-italic.css';
import '@fontsource/source-serif-4/600.css';
import '@fontsource/source-serif-4/600-italic.css';
import './styles/theme.css';
import './styles/base.css';
import './styles/layout.css';
import './styles/reader.css';
import './styles/page-parts.css';
import './styles/notes.css';
import './styles/outline.css';
import './styles/panels.css';
import './styles/overlays.css';
import './styles/search.css';
import './styles/matrix.css';
import './styles/layers.css';
import './styles/print.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { ErrorBoundary } from './components/ErrorBoundary';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <ErrorBoundary>
        <App />
      </ErrorBoundary>
    </StrictMode>,
  );
}
