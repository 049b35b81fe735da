import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { idsOf, refsOf } from '../../scripts/tools/check-links.ts';
import { GOLDEN } from '../../scripts/tools/legacy-golden.ts';
import { DIST } from '../../scripts/tools/static-server.ts';

/**
 * Every URL and anchor the site had before it held a corpus keeps leading to the same clause or
 * file (test/corpus/golden/legacy-urls.txt, made from that site's dist/ by
 * scripts/tools/legacy-golden.ts), in the built dist/ (run `npm run build` first): each old page
 * is a redirect page to its new URL, and every id the old page had is on the new one; the old
 * data files are still served, the same bytes as the plan's own.
 */
interface Entry {
  kind: 'page' | 'home' | 'same' | 'file';
  from: string;
  to: string;
  ids: string[];
}

function readGolden(): Entry[] {
  const entries: Entry[] = [];
  for (const line of readFileSync(GOLDEN, 'utf8').split('\n')) {
    if (!line || line.startsWith('#')) continue;
    if (line.startsWith('  #')) {
      entries.at(-1)!.ids.push(line.slice(3));
      continue;
    }
    const [kind, from, to = from] = line.split(' ') as [Entry['kind'], string, string?];
    entries.push({ kind, from, to, ids: [] });
  }
  return entries;
}

/** The file dist/ serves for a URL path. */
const fileOf = (url: string) => join(DIST, url.endsWith('/') ? `${url}index.html` : url);
const html = (url: string) => readFileSync(fileOf(url), 'utf8');
const idsCache = new Map<string, Map<string, number>>();
const idsAt = (url: string) => {
  let ids = idsCache.get(url);
  if (!ids) {
    ids = idsOf(html(url));
    idsCache.set(url, ids);
  }
  return ids;
};

/**
 * Where a URL lands: itself, or where its redirect page sends the reader (an entity ID the plan
 * no longer carries redirects on to the entity it became, or the index).
 */
function landing(url: string): string {
  let at = url;
  for (let hops = 0; hops < 3 && existsSync(fileOf(at)); hops++) {
    const page = html(at);
    if (!page.includes('<meta http-equiv="refresh"')) return at;
    const next = /<link rel="canonical" href="([^"]+)">/.exec(page)?.[1];
    if (!next) return at;
    at = next;
  }
  return at;
}

const golden = readGolden();

describe('the golden list of old URLs', () => {
  it('has every page and file of the old site: 421 pages of the plan, its home, search, 404, files', () => {
    const count = (kind: Entry['kind']) => golden.filter((e) => e.kind === kind).length;
    expect([count('page'), count('home'), count('same'), count('file')]).toEqual([421, 1, 2, 8]);
    expect(golden.reduce((n, e) => n + e.ids.length, 0)).toBeGreaterThan(2000);
    expect(golden.find((e) => e.from === '/7/1/')?.ids).toContain('7.1.1');
  });
});

describe('old pages', () => {
  const pages = golden.filter((e) => e.kind === 'page');

  it('are redirect pages to their new URL: canonical, refresh, a link, noindex, an external script', () => {
    const problems: string[] = [];
    for (const { from, to } of pages) {
      if (!existsSync(fileOf(from))) {
        problems.push(`${from}: no page`);
        continue;
      }
      const page = html(from);
      const expect = (ok: boolean, what: string) => ok || problems.push(`${from}: ${what}`);
      expect(page.includes(`<link rel="canonical" href="${to}">`), `canonical is not ${to}`);
      expect(page.includes(`<meta http-equiv="refresh" content="0; url=${to}">`), 'no refresh');
      expect(page.includes('<meta name="robots" content="noindex">'), 'not noindex');
      expect(
        refsOf(page).some((r) => r.tag === 'a' && r.url === to),
        `no visible link to ${to}`,
      );
      const scripts = [...page.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1]!);
      expect(scripts.length === 1, `${scripts.length} scripts`);
      const src = /\ssrc="([^"]+)"/.exec(scripts[0] ?? '')?.[1];
      expect(Boolean(src && existsSync(join(DIST, src))), 'script is inline or missing');
    }
    expect(problems).toEqual([]);
  });

  it('lead to pages that hold every id the old page had', () => {
    const missing: string[] = [];
    for (const { from, to, ids } of golden.filter((e) => e.kind !== 'file')) {
      const end = landing(to);
      if (!existsSync(fileOf(end))) {
        missing.push(`${from} → ${end}: no page`);
        continue;
      }
      // An entity the plan no longer names leads to the index: its page's ids went with it.
      if (end !== to && end.endsWith('/entities/')) continue;
      for (const id of ids) if (!idsAt(end).has(id)) missing.push(`${from}#${id} → ${end}#${id}`);
    }
    expect(missing).toEqual([]);
  });

  it('the old home, /, is the corpus home and links to the plan', () => {
    const home = golden.find((e) => e.kind === 'home')!;
    expect(refsOf(html(home.from)).some((r) => r.tag === 'a' && r.url === home.to)).toBe(true);
  });
});

describe('old files', () => {
  it('are served at their old paths, the same bytes as the plan’s own', () => {
    for (const { from, to } of golden.filter((e) => e.kind === 'file')) {
      expect(existsSync(fileOf(from)), from).toBe(true);
      expect(readFileSync(fileOf(from)).equals(readFileSync(fileOf(to))), `${from} = ${to}`).toBe(
        true,
      );
    }
  });
});
