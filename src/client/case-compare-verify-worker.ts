/**
 * Checks compared entries against the entry contract off the page's main thread. zod and the
 * entry schema take a few hundred milliseconds to evaluate on a phone; on the main thread that
 * was the compare page's longest task after drawing (Lighthouse: blocking time). Receives the
 * views as fetched, answers one boolean per view (case-compare-verify.ts).
 */
import './zod-jitless.ts'; // first: zod must be switched to its plain path before the schema is built
import { entryView } from '../schema/entry.ts';

addEventListener('message', (event: MessageEvent<{ views: unknown[] }>) => {
  postMessage({ ok: event.data.views.map((view) => entryView.safeParse(view).success) });
});
