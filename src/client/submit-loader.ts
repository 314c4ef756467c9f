/**
 * The /submit/ page's first script: the form's checker (the build's rules, zod schemas, pinyin for
 * file names and an MDX parser: case-submit.ts, the page's largest script) is loaded only when it
 * is needed, so loading the page runs almost no script (Lighthouse measured 2.5 s of blocking
 * time when the checker loaded with the page). It loads at once when a saved draft is waiting to
 * be restored, else on the editor's first touch of the form: focus, a tap, a key, typing, or
 * "检查你的内容" pressed before it arrived (that check then runs as soon as it has loaded).
 * Sets `data-state="ready"` on <case-submit> when it listens; the checker sets `checked`.
 */
import { DRAFT_KEY } from './submit-draft.ts';

const host = document.querySelector<HTMLElement>('case-submit');
if (host) {
  const events = ['focusin', 'pointerdown', 'keydown', 'input', 'change'] as const;
  let loading = false;
  const load = () => {
    if (loading) return;
    loading = true;
    for (const type of events) host.removeEventListener(type, load, true);
    void import('./case-submit.ts');
  };
  let draft: string | null = null;
  try {
    draft = localStorage.getItem(DRAFT_KEY);
  } catch {
    // Storage blocked: nothing to restore.
  }
  if (draft) {
    // The restore must not wait for a touch; after the first paint, as the page shows at once.
    requestAnimationFrame(() => setTimeout(load));
  } else {
    for (const type of events) host.addEventListener(type, load, { capture: true, passive: true });
    host.querySelector('form')?.addEventListener('submit', (event) => {
      if (customElements.get('case-submit')) return;
      // Pressed before the checker arrived: it runs the check once it is there.
      event.preventDefault();
      host.dataset.pendingCheck = '';
      load();
    });
  }
  host.dataset.state = 'ready';
}
