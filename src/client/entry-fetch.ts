/**
 * Reads an entry's contract file, /cases/<id>.json (src/schema/entry.ts), for the lesson and
 * compare pages: the entry page's HTML is no API. The file is checked against the same zod
 * schema the build writes it from, loaded only here (the lesson page has zod already; compare
 * loads it with the first entry), so a stale or foreign file is reported, never half-shown.
 */
import type { EntryView } from '../schema/entry.ts';
import { ENTRY_ID } from '../schema/lesson-limits.ts';
import { href } from '../lib/url.ts';

/**
 * The schema, with zod's compiled fast path off: it probes for `new Function`, which the site's
 * Content-Security-Policy forbids and reports as a violation. The switch must precede the
 * schema's construction, hence the order.
 */
let schema: Promise<typeof import('../schema/entry.ts').entryView> | undefined;
const loadSchema = () =>
  (schema ??= import('astro/zod').then(async ({ z }) => {
    z.config({ jitless: true });
    return (await import('../schema/entry.ts')).entryView;
  }));

/** The entry's view; undefined when the site no longer has it. Throws on a file that breaks the contract. */
export async function fetchEntry(id: string): Promise<EntryView | undefined> {
  if (!ENTRY_ID.test(id)) return undefined;
  const response = await fetch(href(`/cases/${id}.json`));
  if (!response.ok) return undefined;
  const [entryView, json] = await Promise.all([loadSchema(), response.json()]);
  const parsed = entryView.safeParse(json);
  if (!parsed.success)
    throw new Error(
      `案例 ${id} 的数据与约定不符 / /cases/${id}.json does not match the entry contract: ${parsed.error.issues[0]?.path.join('.')}`,
    );
  return parsed.data;
}
