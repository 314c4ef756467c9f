/** Registers the offline worker; the site works the same where service workers are unavailable. */
import { href } from '../lib/url.ts';

if ('serviceWorker' in navigator && window.isSecureContext) {
  // Registered once the page has loaded and the browser is idle: installing the worker fetches and
  // stores three pages, work that would otherwise compete with the page's own loading (and, once the
  // worker claims the page, route its later requests through it while it is still starting).
  const register = () =>
    // Scope is the site's base, so a site under /gzf/ never claims the rest of the host.
    navigator.serviceWorker.register(href('/sw.js'), { scope: href('/') }).catch(() => {
      /* offline reading is a bonus; nothing else depends on it */
    });
  const whenIdle = () => ('requestIdleCallback' in window ? requestIdleCallback(register, { timeout: 3000 }) : setTimeout(register, 1000));
  if (document.readyState === 'complete') whenIdle();
  else addEventListener('load', whenIdle, { once: true });
}
