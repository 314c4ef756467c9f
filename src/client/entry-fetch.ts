/**
 * Reads an entry's contract file, /cases/<id>.json (src/schema/entry.ts), for the lesson and
 * compare pages: the entry page's HTML is no API. The file is checked against the same zod
 * schema the build writes it from, loaded only here (the lesson page has zod already), so a stale
 * or foreign file is reported, never half-shown. The compare page draws first and checks after
 * (fetchEntryUnverified, then the same check in a worker, src/client/case-compare-verify.ts, with
 * verifyEntry on the page only where no worker starts): zod and the schema are its largest script,
 * and running them on the page delayed the comparison (Lighthouse: blocking time).
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

/** Fetches the contract file; undefined when the site no longer has it. */
async function fetchJson(id: string): Promise<unknown> {
  if (!ENTRY_ID.test(id)) return undefined;
  const response = await fetch(href(`/cases/${id}.json`));
  if (!response.ok) return undefined;
  return response.json();
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const listOf = (v: unknown, item: (x: Record<string, unknown>) => boolean) => Array.isArray(v) && v.every((x) => isRecord(x) && item(x));

/**
 * The few fields a comparison draws, checked by hand (no zod): enough that drawing cannot fail.
 * Not the contract: verifyEntry applies the schema itself.
 */
export function drawable(json: unknown, id: string): json is EntryView {
  return (
    isRecord(json) &&
    json.id === id &&
    typeof json.title === 'string' &&
    listOf(json.facts, (f) => typeof f.field === 'string' && typeof f.value === 'string') &&
    listOf(json.sections, (s) => typeof s.name === 'string' && typeof s.html === 'string') &&
    listOf(json.figures, (f) => typeof f.label === 'string' && typeof f.value === 'string')
  );
}

/**
 * The entry's view for drawing at once, its full check left to verifyEntry; undefined when the
 * site no longer has it. Throws on a file without the fields a comparison draws.
 */
export async function fetchEntryUnverified(id: string): Promise<EntryView | undefined> {
  const json = await fetchJson(id);
  if (json === undefined) return undefined;
  if (!drawable(json, id)) throw new Error(`案例 ${id} 的数据与约定不符 / /cases/${id}.json does not match the entry contract`);
  return json;
}

/** Whether a view from fetchEntryUnverified passes the entry contract (zod loads on the first call). */
export async function verifyEntry(view: EntryView): Promise<boolean> {
  return (await loadSchema()).safeParse(view).success;
}

/** The entry's view; undefined when the site no longer has it. Throws on a file that breaks the contract. */
export async function fetchEntry(id: string): Promise<EntryView | undefined> {
  const [entryView, json] = await Promise.all([loadSchema(), fetchJson(id)]);
  if (json === undefined) return undefined;
  const parsed = entryView.safeParse(json);
  if (!parsed.success)
    throw new Error(
      `案例 ${id} 的数据与约定不符 / /cases/${id}.json does not match the entry contract: ${parsed.error.issues[0]?.path.join('.')}`,
    );
  return parsed.data;
}
