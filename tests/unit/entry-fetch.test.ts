/**
 * The compare page draws from a quick check of the fields it shows (src/client/entry-fetch.ts,
 * `drawable`) and applies the entry contract (zod) when the browser is idle (`verifyEntry`): every
 * real entry passes both, a file missing what is drawn never reaches the page, and a file that only
 * the schema can fault is still caught by the later check.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkProject } from '../../src/lib/content-files.node.ts';
import { entryView } from '../../src/lib/entry-view.ts';
import { drawable, verifyEntry } from '../../src/client/entry-fetch.ts';

const sources = Object.fromEntries(
  readdirSync('content/sources')
    .filter((f) => f.endsWith('.json'))
    .map((f) => [f.replace(/\.json$/, ''), JSON.parse(readFileSync(`content/sources/${f}`, 'utf8'))]),
);
const library = checkProject(process.cwd()).valid;
/** As the browser receives /cases/<id>.json: the view through JSON. */
const files = library.map((e) => JSON.parse(JSON.stringify(entryView(e.id, e.data, e.body, sources[e.data.source.id]))));

describe('entry files for the compare page', () => {
  it('every entry of the library is drawable and passes the contract', async () => {
    expect(files.length).toBeGreaterThan(50);
    for (const file of files) expect(drawable(file, file.id), file.id).toBe(true);
    expect(await Promise.all(files.map((f) => verifyEntry(f)))).not.toContain(false);
  });

  it('refuses a file without what the comparison draws, or for another id', () => {
    const file = files[0];
    expect(drawable(file, 'another-id')).toBe(false);
    expect(drawable({ ...file, sections: undefined }, file.id)).toBe(false);
    expect(drawable({ ...file, sections: [{ name: '背景', html: 1 }] }, file.id)).toBe(false);
    expect(drawable({ ...file, facts: [null] }, file.id)).toBe(false);
    expect(drawable({ ...file, figures: {} }, file.id)).toBe(false);
    expect(drawable(null, file.id)).toBe(false);
    expect(drawable([], file.id)).toBe(false);
  });

  it('leaves to the contract what only the schema can fault', async () => {
    const file = files[0];
    const foreign = { ...file, version: 2, themes: [] };
    expect(drawable(foreign, file.id)).toBe(true);
    expect(await verifyEntry(foreign)).toBe(false);
  });
});
