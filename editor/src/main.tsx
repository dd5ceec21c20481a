import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './shell/app.tsx';
import './shell/base.css';
import './i18n/index.ts';

// When the app's own code starts, for timing a page's opening (bench/editor.ts).
performance.mark('ringback:start');
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
