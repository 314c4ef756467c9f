/** Choosing similar entries: pure, so the weighting is tested and explainable. */

export interface Relatable {
  id: string;
  themes: string[];
  domain: string;
  region: string;
  order: number;
}

/** Shared method family counts most, then the same kind of unit, then the same province. */
export function similarity(a: Relatable, b: Relatable): number {
  const sharedThemes = a.themes.filter((t) => b.themes.includes(t)).length;
  return sharedThemes * 3 + (a.domain === b.domain ? 2 : 0) + (a.region && a.region === b.region ? 1 : 0);
}

/** The most similar other entries, best first; ties keep catalogue order. Entries sharing nothing are left out. */
export function similarCases<T extends Relatable>(self: T, all: T[], limit: number): T[] {
  return all
    .filter((c) => c.id !== self.id)
    .map((c) => ({ c, score: similarity(self, c) }))
    .filter(({ score }) => score >= 3)
    .sort((a, b) => b.score - a.score || a.c.order - b.c.order)
    .slice(0, limit)
    .map(({ c }) => c);
}

/**
 * `similarCases` for every entry of a large library, with the same result (tested against it).
 * Scoring each entry against all others with `similarity` is quadratic with a large constant
 * (100 million array comparisons at 10,000 entries), so candidates come from inverted lists (an
 * entry scoring at least 3 shares a method family, or both domain and province) and are scored
 * with precomputed integers: method families as bit masks, domain and province as numbers.
 */
export function similarFinder<T extends Relatable>(all: T[]): (self: T, limit: number) => T[] {
  const ids = new Map<string, number>();
  const number = (key: string) => ids.get(key) ?? (ids.set(key, ids.size), ids.size - 1);
  const themeBits = new Map<string, number>();
  for (const c of all) for (const t of c.themes) if (!themeBits.has(t)) themeBits.set(t, themeBits.size);
  // 31 families fit one integer mask; past that, fall back to the plain comparison.
  if (themeBits.size > 31) return (self, limit) => similarCases(self, all, limit);
  const mask = Int32Array.from(all, (c) => c.themes.reduce((m, t) => m | (1 << themeBits.get(t)!), 0));
  const domain = Int32Array.from(all, (c) => number(`d|${c.domain}`));
  const region = Int32Array.from(all, (c) => (c.region ? number(`r|${c.region}`) : -1));
  const lists = new Map<string, number[]>();
  const add = (key: string, i: number) => {
    const list = lists.get(key);
    if (list) list.push(i);
    else lists.set(key, [i]);
  };
  all.forEach((c, i) => {
    for (const t of c.themes) add(`theme|${t}`, i);
    if (c.region) add(`place|${c.domain}|${c.region}`, i);
  });
  const position = new Map(all.map((c, i) => [c, i]));
  // Which call last saw each entry: dedupes candidates without a Set per call.
  const seenIn = new Int32Array(all.length);
  let call = 0;
  const bits = (m: number) => {
    let n = 0;
    for (; m; m &= m - 1) n++;
    return n;
  };
  return (self, limit) => {
    const s = position.get(self) ?? all.findIndex((c) => c.id === self.id);
    call++;
    const keys = [...self.themes.map((t) => `theme|${t}`), ...(self.region ? [`place|${self.domain}|${self.region}`] : [])];
    // The best `limit` so far, kept sorted: a small insertion list instead of sorting thousands.
    const top: { i: number; score: number }[] = [];
    const better = (a: { i: number; score: number }, b: { i: number; score: number }) =>
      a.score > b.score || (a.score === b.score && all[a.i].order < all[b.i].order);
    for (const key of keys) {
      for (const i of lists.get(key) ?? []) {
        if (seenIn[i] === call || i === s) continue;
        seenIn[i] = call;
        const score = bits(mask[s] & mask[i]) * 3 + (domain[s] === domain[i] ? 2 : 0) + (region[s] >= 0 && region[s] === region[i] ? 1 : 0);
        if (score < 3) continue;
        const item = { i, score };
        if (top.length === limit && !better(item, top[limit - 1])) continue;
        let at = top.length;
        while (at > 0 && better(item, top[at - 1])) at--;
        top.splice(at, 0, item);
        if (top.length > limit) top.pop();
      }
    }
    return top.map(({ i }) => all[i]);
  };
}
