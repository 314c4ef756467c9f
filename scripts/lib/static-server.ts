/**
 * A small static server for the built site, as a static host serves it: files from dist/, the
 * headers of its `_headers` file (Netlify / Cloudflare Pages format), 404.html for what is
 * missing. `astro preview` never applies `_headers`, so tests that ran only against it could not
 * see a policy in that file break the pages. Node's http module only, no dependencies.
 *
 *   node scripts/lib/static-server.ts [--port 4321] [--root dist] [--base /gzf/]
 *
 * The root defaults to OUT_DIR (as astro.config.mjs) or dist; the port to TEST_PORT or 4321; the
 * base (the sub-path the site is served under, as a host's `location /gzf/ { alias … }` does) to
 * BASE_PATH or `/`. Under a base, paths outside it are 404 and `_headers` rules match the path
 * with the base taken off (the file is written for the site's root).
 */
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { normaliseBase } from '../../src/site-config.ts';

/** One block of a `_headers` file: a path pattern and the headers for paths that match it. */
export interface HeaderRule {
  pattern: string;
  matcher: RegExp;
  headers: [name: string, value: string][];
}

/**
 * A path pattern as Netlify and Cloudflare Pages read it: `*` (a splat) matches any characters,
 * slashes included; `:name` matches one path segment; everything else matches itself.
 */
export function patternMatcher(pattern: string): RegExp {
  const source = pattern
    .split(/(\*|:[A-Za-z]\w*)/)
    .map((part) => (part === '*' ? '.*' : part.startsWith(':') && part.length > 1 ? '[^/]+' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`);
}

/**
 * Reads a `_headers` file: a line starting with `/` opens a rule, indented `Name: value` lines
 * below it add headers, `#` starts a comment. Anything else is an error naming the line, so a
 * typo in the file fails the tests rather than silently dropping a header.
 */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    if (!line.trim() || line.trim().startsWith('#')) return;
    if (!/^\s/.test(line)) {
      const pattern = line.trim();
      if (!pattern.startsWith('/'))
        throw new Error(`_headers line ${index + 1}: a rule must start with a path beginning with “/”: ${line}`);
      rules.push({ pattern, matcher: patternMatcher(pattern), headers: [] });
      return;
    }
    const header = /^\s+([A-Za-z0-9-]+):\s*(.*)$/.exec(line);
    if (!header || rules.length === 0) throw new Error(`_headers line ${index + 1}: expected “Name: value” under a path: ${line}`);
    rules.at(-1)!.headers.push([header[1], header[2].trim()]);
  });
  return rules;
}

/**
 * The headers for one path: every matching rule applies, in file order; a header that several
 * rules set is joined with “, ” (what Cloudflare Pages does).
 */
export function headersFor(rules: HeaderRule[], pathname: string): Record<string, string> {
  const out: Record<string, string> = {};
  const names: Record<string, string> = {};
  for (const rule of rules) {
    if (!rule.matcher.test(pathname)) continue;
    for (const [name, value] of rule.headers) {
      const key = name.toLowerCase();
      names[key] ??= name;
      out[names[key]] = out[names[key]] === undefined ? value : `${out[names[key]]}, ${value}`;
    }
  }
  return out;
}

export const mimeTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.xsl': 'application/xml; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
};

/** Pagefind's index files (.pf_meta, .pf_index, .pf_fragment, .pagefind) and anything unknown. */
const BINARY = 'application/octet-stream';

export interface StaticServerOptions {
  /** Folder to serve (default: OUT_DIR or dist). */
  root?: string;
  port?: number;
  host?: string;
  /** Sub-path the site is served under, e.g. `/gzf/` (default `/`). */
  base?: string;
}

/** Where a URL path lives under root: a file, a folder's index.html, or nothing. Never outside root. */
function locate(root: string, pathname: string): { file?: string; redirect?: string } {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return {};
  }
  if (decoded.includes('\0')) return {};
  const full = resolve(root, `.${decoded}`);
  if (full !== root && !full.startsWith(root + sep)) return {};
  if (!existsSync(full)) return {};
  const stat = statSync(full);
  if (stat.isFile()) return { file: full };
  if (stat.isDirectory()) {
    // trailingSlash: 'always' (astro.config.mjs): /cases goes to /cases/, as static hosts do.
    if (!pathname.endsWith('/')) return { redirect: `${pathname}/` };
    const index = join(full, 'index.html');
    if (existsSync(index)) return { file: index };
  }
  return {};
}

/** Starts the server; resolves once it listens. */
export function startStaticServer(options: StaticServerOptions = {}): Promise<{ url: string; server: Server; close: () => Promise<void> }> {
  const root = resolve(options.root ?? process.env.OUT_DIR ?? 'dist');
  const host = options.host ?? '127.0.0.1';
  const headersFile = join(root, '_headers');
  const rules = existsSync(headersFile) ? parseHeadersFile(readFileSync(headersFile, 'utf8')) : [];
  const base = normaliseBase(options.base);

  const server = createServer((request, response) => {
    const method = request.method ?? 'GET';
    if (method !== 'GET' && method !== 'HEAD') {
      response.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const requested = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (base !== '/' && requested === base.slice(0, -1)) {
      response.writeHead(301, { Location: base }).end();
      return;
    }
    // The site's own path (`/cases/x/`) for a request under the base; outside the base, nothing.
    const inside = base === '/' || requested.startsWith(base);
    const pathname = inside ? `/${requested.slice(base.length)}` : requested;
    // The host's configuration files are not part of the site.
    const hidden = !inside || pathname === '/_headers' || pathname === '/_redirects';
    const found = hidden ? {} : locate(root, pathname);
    if (found.redirect) {
      response.writeHead(301, { Location: base + found.redirect.slice(1), ...headersFor(rules, pathname) }).end();
      return;
    }
    let status = 200;
    let file = found.file;
    if (!file) {
      status = 404;
      const notFound = join(root, '404.html');
      file = existsSync(notFound) ? notFound : undefined;
    }
    const body = file ? readFileSync(file) : Buffer.from('404 Not Found\n');
    const type = file ? (mimeTypes[extname(file).toLowerCase()] ?? BINARY) : 'text/plain; charset=utf-8';
    response.writeHead(status, { 'Content-Type': type, 'Content-Length': body.length, ...headersFor(rules, pathname) });
    response.end(method === 'HEAD' ? undefined : body);
  });

  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : options.port;
      resolvePromise({
        url: `http://${host}:${port}`,
        server,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const option = (name: string) => {
    const at = args.indexOf(`--${name}`);
    return at >= 0 ? args[at + 1] : undefined;
  };
  const port = Number(option('port') ?? process.env.TEST_PORT ?? 4321);
  const root = option('root');
  if (!existsSync(resolve(root ?? process.env.OUT_DIR ?? 'dist'))) {
    console.error(
      `没有可以提供的构建结果，请先运行 npm run build / nothing to serve: run npm run build first (${root ?? process.env.OUT_DIR ?? 'dist'})`,
    );
    process.exit(1);
  }
  const base = normaliseBase(option('base') ?? process.env.BASE_PATH);
  const { url } = await startStaticServer({ root, port, base });
  console.log(`serving ${root ?? process.env.OUT_DIR ?? 'dist'} at ${url}${base} with its _headers`);
}
