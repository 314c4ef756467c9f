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
