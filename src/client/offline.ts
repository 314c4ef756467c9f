/** Registers the offline worker; the site works the same where service workers are unavailable. */
import { href } from '../lib/url.ts';

if ('serviceWorker' in navigator && window.isSecureContext) {
  // Scope is the site's base, so a site under /gzf/ never claims the rest of the host.
  navigator.serviceWorker.register(href('/sw.js'), { scope: href('/') }).catch(() => {
    /* offline reading is a bonus; nothing else depends on it */
  });
}
