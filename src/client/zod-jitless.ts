/**
 * zod compiles fast object parsers with `new Function` unless told not to, and probes for it once.
 * The site's CSP forbids eval, so the probe is refused and browsers log a CSP violation (Lighthouse's
 * best-practices audit counts it). Jitless parsing is the plain path and fast enough for the few
 * objects a page checks. Imported first by every browser entry that parses with a schema.
 */
import { z } from 'astro/zod';

z.config({ jitless: true });
