import { render } from 'preact';
import { App } from './App';
import { installInPageLinks } from './inPageLinks';
import './styles.css';
import './styles/process.css';
import './styles/facilitation.css';
import './styles/projector.css';
import './styles/review.css';

installInPageLinks();
render(<App />, document.getElementById('app')!);

// Only the production build has /sw.js (client/sw/plugin.ts emits it); in dev it would cache
// modules that Vite serves fresh on every change.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js').catch(() => {
      // No service worker (e.g. a non-secure origin): the app works, just not offline on reload.
    });
  });
}
