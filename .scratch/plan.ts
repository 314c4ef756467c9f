import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { planQuery, readLexicon, type LexiconFile } from '../src/lib/search-plan.ts';
import { thesaurus } from '../src/schema/vocab.ts';
const raw = readFileSync('dist/pagefind/lexicon.json');
const file = JSON.parse((raw[0] === 0x1f ? gunzipSync(raw) : raw).toString()) as LexiconFile;
const lexicon = readLexicon({ ...file, thesaurus: thesaurus.map((t) => [t.term, t.related]) });
for (const q of process.argv.slice(2)) {
  const p = planQuery(q, lexicon);
  console.log(q, '\n  words:', p.words.join(' '), '| q:', !!p.question, '| related:', [...p.related].map(([k, v]) => `${k}→${v.slice(0, 4).join('/')}`).join(' '));
}
