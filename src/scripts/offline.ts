/** Registers the offline worker; the site works the same where service workers are unavailable. */
if ('serviceWorker' in navigator && window.isSecureContext) {
  navigator.serviceWorker.register('/sw.js').catch(() => {
    /* offline reading is a bonus; nothing else depends on it */
  });
}
