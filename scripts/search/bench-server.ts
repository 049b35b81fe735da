/**
 * A static server for the search benchmark: serves dist/ plus extra
 * directories mounted under a prefix (Pagefind's bundle, the benchmark's own
 * scripts), compresses text responses the way a static host would (brotli
 * when the browser asks for it, else gzip), and counts the bytes it sends so
 * "bytes transferred" is measured at the wire, worker requests included.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
};

/** Compressible by the host; Pagefind's pf_* files are already gzip and served as they are. */
const COMPRESSIBLE = new Set(['.html', '.css', '.js', '.json', '.svg', '.wasm']);

export interface BenchServer {
  origin: string;
  /** Bytes sent (headers + body) per path since the last reset. */
  sent: Map<string, number>;
  /** Content-Encoding used per path since the last reset. */
  encodings: Map<string, string>;
  reset(): void;
  total(filter?: (path: string) => boolean): number;
  close(): Promise<void>;
}

export async function serve(
  root: string,
  mounts: Record<string, string> = {},
): Promise<BenchServer> {
  const sent = new Map<string, number>();
  const encodings = new Map<string, string>();
  const cache = new Map<string, Buffer>();

  const resolveFile = (pathname: string): string | undefined => {
    for (const [prefix, dir] of Object.entries(mounts)) {
      if (pathname.startsWith(prefix)) return safeJoin(dir, pathname.slice(prefix.length));
    }
    return safeJoin(root, pathname);
  };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const file = resolveFile(decodeURIComponent(url.pathname));
    if (!file) {
      res.writeHead(404).end();
      return;
    }
    const ext = extname(file);
    let body: Buffer = readFileSync(file);
    const headers: Record<string, string> = {
      'Content-Type': TYPES[ext] ?? 'application/octet-stream',
      'Cache-Control': 'no-store',
    };
    const accept = String(req.headers['accept-encoding'] ?? '');
    if (COMPRESSIBLE.has(ext)) {
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
    res.writeHead(200, headers);
    res.end(body);
    const headerBytes = Object.entries(headers).reduce(
      (n, [k, v]) => n + k.length + v.length + 4,
      17,
    );
    sent.set(url.pathname, (sent.get(url.pathname) ?? 0) + body.length + headerBytes);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
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
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function safeJoin(dir: string, pathname: string): string | undefined {
  const path = normalize(join(dir, pathname));
  if (!path.startsWith(normalize(dir))) return undefined;
  if (existsSync(path) && statSync(path).isFile()) return path;
  const index = join(path, 'index.html');
  return existsSync(index) ? index : undefined;
}
