/**
 * The one static server over dist/, for the browser tests and the search
 * benchmark: loopback only, random port, `dir/` served from its index.html,
 * a directory without its trailing slash redirected (as static hosts do),
 * 404.html for misses. Counts the bytes it sends per path, so the benchmark
 * measures "bytes transferred" at the wire, worker requests included.
 *
 * Options: `mounts` serves extra directories under a prefix (Pagefind's
 * bundle, the benchmark's own scripts); `base` serves the site under a sub-path, as a host
 * serves a site built with PLAN_KB_BASE (anything outside it is a bare 404, since it is not the
 * site's); `compress` compresses text responses
 * the way a static host would (brotli when the browser asks for it, else
 * gzip). The tests leave it off; the benchmark turns it on.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** The built site, relative to the working directory (where npm runs). */
export const DIST = resolve(process.cwd(), 'dist');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.bib': 'application/x-bibtex; charset=utf-8',
  '.ris': 'application/x-research-info-systems; charset=utf-8',
};

/** Compressible by the host; Pagefind's pf_* files are already gzip and served as they are. */
const COMPRESSIBLE = new Set(['.html', '.css', '.js', '.json', '.svg', '.wasm']);

export interface StaticServer {
  origin: string;
  /** Bytes sent (headers + body) per path since the last reset. */
  sent: Map<string, number>;
  /** Content-Encoding used per path since the last reset. */
  encodings: Map<string, string>;
  reset(): void;
  total(filter?: (path: string) => boolean): number;
  close(): Promise<void>;
}

export interface ServeOptions {
  /** URL prefix → directory, searched before `root`. */
  mounts?: Record<string, string>;
  /** Compress text responses (brotli or gzip, as the request accepts). */
  compress?: boolean;
  /** The path the site is served under, `/plans/kb/` (default `/`). */
  base?: string;
}

/** The file a URL path names under `dir`: the file itself, or the directory's index.html. */
export function fileFor(dir: string, pathname: string): string | undefined {
  const path = normalize(join(dir, pathname));
  if (!path.startsWith(normalize(dir))) return undefined;
  if (existsSync(path) && statSync(path).isFile()) return path;
  const index = join(path, 'index.html');
  return existsSync(index) ? index : undefined;
}

export async function serveStatic(
  root: string = DIST,
  options: ServeOptions = {},
): Promise<StaticServer> {
  if (!existsSync(join(root, 'index.html'))) {
    throw new Error(`${root}/index.html is missing: run \`npm run build\` first`);
  }
  const mounts = options.mounts ?? {};
  const base = `/${(options.base ?? '/').replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
  const sent = new Map<string, number>();
  const encodings = new Map<string, string>();
  const cache = new Map<string, Buffer>();

  const resolveFile = (pathname: string): string | undefined => {
    for (const [prefix, dir] of Object.entries(mounts)) {
      if (pathname.startsWith(prefix)) return fileFor(dir, pathname.slice(prefix.length));
    }
    return fileFor(root, pathname);
  };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    let pathname = decodeURIComponent(url.pathname);
    if (base !== '/') {
      if (`${pathname}/` === base) {
        res.writeHead(301, { Location: `${base}${url.search}` }).end();
        return;
      }
      if (!pathname.startsWith(base)) {
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not the site');
        return;
      }
      pathname = pathname.slice(base.length - 1);
    }
    let file = resolveFile(pathname);
    // A directory without its trailing slash: redirect as static hosts do.
    if (
      file &&
      file.endsWith('index.html') &&
      !url.pathname.endsWith('/') &&
      !url.pathname.endsWith('.html')
    ) {
      res.writeHead(301, { Location: `${url.pathname}/${url.search}` });
      res.end();
      return;
    }
    let status = 200;
    if (!file) {
      status = 404;
      file = join(root, '404.html');
      if (!existsSync(file)) {
        res.writeHead(404).end();
        return;
      }
    }
    const ext = extname(file);
    let body: Buffer = readFileSync(file);
    const headers: Record<string, string> = {
      'Content-Type': TYPES[ext] ?? 'application/octet-stream',
      'Cache-Control': 'no-store',
    };
    const accept = String(req.headers['accept-encoding'] ?? '');
    if (options.compress && COMPRESSIBLE.has(ext)) {
      const encoding = /\bbr\b/.test(accept) ? 'br' : /\bgzip\b/.test(accept) ? 'gzip' : '';
      if (encoding) {
        const key = `${encoding}:${file}`;
        let compressed = cache.get(key);
        if (!compressed) {
          compressed =
            encoding === 'br'
              ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })
              : gzipSync(body, { level: 9 });
          cache.set(key, compressed);
        }
        body = compressed;
        headers['Content-Encoding'] = encoding;
        encodings.set(url.pathname, encoding);
      }
    }
    headers['Content-Length'] = String(body.length);
    res.writeHead(status, headers);
    res.end(body);
    const headerBytes = Object.entries(headers).reduce(
      (n, [k, v]) => n + k.length + v.length + 4,
      17,
    );
    sent.set(url.pathname, (sent.get(url.pathname) ?? 0) + body.length + headerBytes);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    sent,
    encodings,
    reset: () => {
      sent.clear();
      encodings.clear();
    },
    total: (filter = () => true) =>
      [...sent].filter(([p]) => filter(p)).reduce((n, [, b]) => n + b, 0),
    close: () => new Promise<void>((ok, fail) => server.close((e) => (e ? fail(e) : ok()))),
  };
}
