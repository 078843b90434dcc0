import { render } from 'preact';
import { App } from './App';
import { languageReady } from './i18n';
import { installInPageLinks } from './inPageLinks';
import './styles.css';
import './styles/process.css';
import './styles/facilitation.css';
import './styles/projector.css';
import './styles/review.css';
import './styles/notes-perf.css';

installInPageLinks();
// A Swedish or English page waits for its catalog (a few milliseconds, from the cache) rather than
// showing Finnish first.
void languageReady.then(() => render(<App />, document.getElementById('app')!));

// Only the production build has /sw.js (client/sw/plugin.ts emits it); in dev it would cache
// modules that Vite serves fresh on every change.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js').catch(() => {
      // No service worker (e.g. a non-secure origin): the app works, just not offline on reload.
    });
  });
}
