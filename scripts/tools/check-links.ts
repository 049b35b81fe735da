/**
 * Link checker for the built site: walks every HTML page in dist/ and checks
 * each internal link (`<a href>`, `<link href>`, `<script src>`, `<img src>`)
 * and each `#fragment` against the ids of the target page. Also reports
 * duplicate ids on a page (anchors must be unique) and any resource loaded
 * from outside the site. Collects every problem, then reports them together.
 *
 * A site built for a sub-path (PLAN_KB_BASE=/plans/kb/, docs/site.md) is checked with that base:
 * dist/ is served at it, so every internal link must start with it (a root-relative link
 * without it would leave the site on the host).
 *
 * Given the deploy address (`--site`, PLAN_KB_SITE), the absolute URLs under it (canonical
 * links) are checked too.
 *
 * Usage: tsx scripts/tools/check-links.ts [dist] [--base /plans/kb/] [--site https://…]
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface LinkProblem {
  /** The page, relative to dist/. */
  file: string;
  href: string;
  problem: string;
}

export interface LinkReport {
  pages: number;
  links: number;
  problems: LinkProblem[];
}

const ORIGIN = 'http://site.invalid';

export function htmlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...htmlFiles(path));
    else if (name.endsWith('.html')) out.push(path);
  }
  return out.sort();
}

/** dist/7/1/index.html → /7/1/ ; dist/404.html → /404.html (after the base, when given). */
export function pageUrl(dist: string, file: string, base = '/'): string {
  const rel = relative(dist, file).split(sep).join('/');
  return `${normalBase(base)}${rel.replace(/(^|\/)index\.html$/, '$1')}`;
}

/** A base as a path that starts and ends with `/`. */
const normalBase = (base: string) => `/${base.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');

function decodeEntities(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** Every id on a page, with how often it occurs. */
export function idsOf(html: string): Map<string, number> {
  const ids = new Map<string, number>();
  for (const m of html.matchAll(/\sid="([^"]*)"/g)) {
    const id = decodeEntities(m[1]!);
    ids.set(id, (ids.get(id) ?? 0) + 1);
  }
  return ids;
}

/**
 * Links and resource references on a page: tag and URL as written, and a `<link>`'s rel. A
 * `<link rel="canonical">` (or alternate) names a page, it loads nothing: it counts as a link.
 */
export function refsOf(html: string): { tag: string; url: string; rel?: string }[] {
  const refs: { tag: string; url: string; rel?: string }[] = [];
  for (const m of html.matchAll(/<(a|link|script|img|source|iframe)\b([^>]*)>/gi)) {
    const url = /\s(?:href|src)="([^"]*)"/i.exec(m[2]!)?.[1];
    if (url === undefined) continue;
    const tag = m[1]!.toLowerCase();
    const rel = tag === 'link' ? /\srel="([^"]*)"/i.exec(m[2]!)?.[1] : undefined;
    refs.push({ tag, url: decodeEntities(url), ...(rel ? { rel } : {}) });
  }
  return refs;
}

/** A reference that names a page rather than loading something. */
const isNavigation = (ref: { tag: string; rel?: string }) =>
  ref.tag === 'a' || (ref.tag === 'link' && /\b(canonical|alternate)\b/i.test(ref.rel ?? ''));

export interface CheckOptions {
  /** The path the site is served under (`/plans/kb/`); `/` by default. */
  base?: string;
  /**
   * The deploy address the site was built for (PLAN_KB_SITE): absolute URLs under it (canonical
   * links) are checked as internal ones.
   */
  site?: string;
}

export function checkLinks(distDir: string, options: CheckOptions = {}): LinkReport {
  const dist = resolve(distDir);
  const base = normalBase(options.base ?? '/');
  const site = options.site ? new URL(options.site).origin : undefined;
  const files = htmlFiles(dist);
  const idsByFile = new Map<string, Map<string, number>>();
  const ids = (file: string) => {
    let found = idsByFile.get(file);
    if (!found) {
      found = idsOf(readFileSync(file, 'utf8'));
      idsByFile.set(file, found);
    }
    return found;
  };
  const problems: LinkProblem[] = [];
  let links = 0;
  for (const file of files) {
    const html = readFileSync(file, 'utf8');
    const at = relative(dist, file);
    const report = (href: string, problem: string) => problems.push({ file: at, href, problem });
    for (const [id, count] of ids(file))
      if (count > 1) report(`#${id}`, `id used ${count} times on the page`);
    for (const ref of refsOf(html)) {
      const { url } = ref;
      links++;
      if (/^(mailto|tel):/i.test(url)) continue;
      if (/^javascript:/i.test(url) || url === '#' || url === '') {
        report(url, 'empty or script link');
        continue;
      }
      const written = new URL(url, ORIGIN + pageUrl(dist, file, base));
      const target =
        site && written.origin === site
          ? new URL(`${written.pathname}${written.search}${written.hash}`, ORIGIN)
          : written;
      if (target.origin !== ORIGIN) {
        // Plain links out are allowed; loading anything from outside is not.
        if (!isNavigation(ref)) report(url, 'resource loaded from outside the site');
        continue;
      }
      if (!target.pathname.startsWith(base)) {
        report(url, `outside the deploy base ${base}`);
        continue;
      }
      const path = decodeURIComponent(target.pathname.slice(base.length - 1));
      const onDisk = join(dist, path);
      let targetFile: string | undefined;
      if (path.endsWith('/')) {
        targetFile = existsSync(join(onDisk, 'index.html'))
          ? join(onDisk, 'index.html')
          : undefined;
      } else if (existsSync(onDisk) && statSync(onDisk).isFile()) {
        targetFile = onDisk;
      } else if (existsSync(join(onDisk, 'index.html'))) {
        report(url, 'missing trailing slash (the site uses /path/ URLs)');
        continue;
      }
      if (!targetFile) {
        report(url, 'no such page or file in dist/');
        continue;
      }
      if (target.hash) {
        const fragment = decodeURIComponent(target.hash.slice(1));
        if (!targetFile.endsWith('.html')) report(url, 'fragment on a non-HTML file');
        else if (!ids(targetFile).has(fragment))
          report(url, `no element with id "${fragment}" on ${relative(dist, targetFile)}`);
      }
    }
  }
  return { pages: files.length, links, problems };
}

export function formatProblems(problems: LinkProblem[]): string {
  return problems.map((p) => `${p.file}: ${p.href}: ${p.problem}`).join('\n');
}

function main(): void {
  const args = process.argv.slice(2);
  const option = (name: string) => {
    const at = args.indexOf(name);
    return at >= 0 ? args.splice(at, 2)[1] : undefined;
  };
  const base = option('--base');
  const site = option('--site');
  const dist = args[0] ?? 'dist';
  const { pages, links, problems } = checkLinks(dist, {
    ...(base ? { base } : {}),
    ...(site ? { site } : {}),
  });
  if (problems.length) {
    console.error(formatProblems(problems));
    console.error(`${problems.length} problem(s) in ${pages} pages, ${links} links.`);
    process.exit(1);
  }
  console.log(
    `${pages} pages, ${links} links${base ? ` under ${base}` : ''}: no broken link or fragment.`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
