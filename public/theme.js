// Theme before first paint. Loaded as a plain (blocking) script in <head>: the CSP forbids inline
// scripts, and a module would run after the page is drawn, flashing the wrong theme.
// data-theme = the reader's stored choice (absent: follow the system); data-theme-now = the
// theme in effect, which the switch in the header shows and flips.
(function () {
  var KEY = 'gzf-theme';
  var root = document.documentElement;
  var media = window.matchMedia ? window.matchMedia('(prefers-color-scheme: dark)') : null;
  function stored() {
    try {
      var v = localStorage.getItem(KEY);
      return v === 'dark' || v === 'light' ? v : null;
    } catch (e) {
      return null;
    }
  }
  function apply() {
    var choice = stored();
    if (choice) root.setAttribute('data-theme', choice);
    else root.removeAttribute('data-theme');
    var now = choice || (media && media.matches ? 'dark' : 'light');
    root.setAttribute('data-theme-now', now);
    var button = document.querySelector('[data-theme-toggle]');
    if (button) {
      button.setAttribute('aria-pressed', String(now === 'dark'));
      button.title = now === 'dark' ? '切换到浅色' : '切换到深色';
    }
  }
  apply();
  if (media && media.addEventListener) media.addEventListener('change', apply);
  // Another tab changed the choice: follow it.
  window.addEventListener('storage', function (e) {
    if (e.key === KEY) apply();
  });
  document.addEventListener('DOMContentLoaded', function () {
    var button = document.querySelector('[data-theme-toggle]');
    if (!button) return;
    button.hidden = false;
    apply();
    button.addEventListener('click', function () {
      var next = root.getAttribute('data-theme-now') === 'dark' ? 'light' : 'dark';
      try {
        localStorage.setItem(KEY, next);
      } catch (e) {
        // Storage blocked: the switch still works for this page.
        root.setAttribute('data-theme', next);
      }
      apply();
      if (!stored()) {
        root.setAttribute('data-theme', next);
        root.setAttribute('data-theme-now', next);
        button.setAttribute('aria-pressed', String(next === 'dark'));
      }
    });
  });
})();
