/**
 * An entry's front matter as the build reads it. Astro reads it with `parseFrontmatter` from
 * @astrojs/internal-helpers (its own pattern decides where the front matter ends, js-yaml reads
 * it); the content check calls that same function, so the data it validates is the data the build
 * publishes. The check also keeps the `yaml` package's document of the same text, because only
 * that one has nodes to refuse by type (aliases, tags) and positions to point editors at a line.
 * Two parsers are safe only while they agree, so an entry whose two readings differ in any way
 * (a value, a type, a key, where the front matter ends) is refused, naming the field.
 *
 * The package is a direct dependency pinned to the version Astro pins
 * (tests/unit/frontmatter.test.ts fails when the two resolve to different files).
 */
import { parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';

export type BuildReading =
  /** `yaml`: the lines between the delimiters, each with its line break, as splitFrontmatter gives them. */
  | { ok: true; data: Record<string, unknown>; yaml: string }
  /** No front matter. */
  | { ok: false; reason: 'none' }
  /** TOML (+++), where an entry must have YAML. */
  | { ok: false; reason: 'toml' }
  /** The build's YAML parser refused it. `line`: 1-based in the file, when it says. */
  | { ok: false; reason: 'syntax'; message: string; line?: number };

/** The front matter of a whole entry file, read by the build's own function. */
export function readAsBuild(raw: string): BuildReading {
  let parsed: ReturnType<typeof parseFrontmatter>;
  try {
    parsed = parseFrontmatter(raw);
  } catch (error) {
    const e = error as { reason?: string; message?: string; mark?: { line?: number } };
    // js-yaml counts lines from 0 within the text after the opening ---, whose own line ending comes first.
    const line = typeof e.mark?.line === 'number' ? e.mark.line + 1 : undefined;
    return { ok: false, reason: 'syntax', message: String(e.reason ?? e.message ?? error).split('\n')[0], line };
  }
  if (!parsed.rawFrontmatter) return { ok: false, reason: 'none' };
  if (/^\s*\+\+\+/.test(raw.replace(/^\uFEFF/, ''))) return { ok: false, reason: 'toml' };
  const yaml = parsed.rawFrontmatter.replace(/^\r?\n/, '');
  return { ok: true, data: parsed.frontmatter, yaml };
}

type Path = (string | number)[];

/**
 * A day written plainly (`reviewed: 2026-11-23`) is a Date to js-yaml and a string to `yaml` (YAML
 * 1.2 has no dates): the same data exactly when the string is that Date's day. A day that does not
 * exist (`2026-02-30`) is a string on one side and the next month's Date on the other: different.
 */
const sameDay = (text: string, date: Date) => /^\d{4}-\d{2}-\d{2}$/.test(text) && date.toJSON()?.slice(0, 10) === text;

/**
 * Where two parsed values first differ (a path into them), or undefined when they are the same
 * data. `days`: a plainly written day counts as the same data in both readings (see sameDay); off,
 * a string and a Date always differ.
 */
export function firstDifference(a: unknown, b: unknown, { days = true } = {}): Path | undefined {
  return differ(a, b, [], days);
}

function differ(a: unknown, b: unknown, path: Path, days: boolean): Path | undefined {
  if (days && typeof a === 'string' && b instanceof Date) return sameDay(a, b) ? undefined : path;
  if (days && a instanceof Date && typeof b === 'string') return sameDay(b, a) ? undefined : path;
  if (a instanceof Date || b instanceof Date)
    return a instanceof Date && b instanceof Date && Object.is(a.getTime(), b.getTime()) ? undefined : path;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b)) return path;
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      if (i >= a.length || i >= b.length) return [...path, i];
      const found = differ(a[i], b[i], [...path, i], days);
      if (found) return found;
    }
    return undefined;
  }
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object') {
    // A parser that sets a prototype (a `__proto__` key) instead of a key differs here too.
    if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return path;
    const keysA = Object.keys(a);
    const keysB = new Set(Object.keys(b));
    for (const key of keysA) {
      if (!keysB.has(key)) return [...path, key];
      const found = differ((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], [...path, key], days);
      if (found) return found;
      keysB.delete(key);
    }
    const extra = keysB.values().next();
    return extra.done ? undefined : [...path, extra.value];
  }
  return Object.is(a, b) ? undefined : path;
}
