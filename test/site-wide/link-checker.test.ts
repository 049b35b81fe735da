import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkLinks, formatProblems } from '../../scripts/tools/check-links.ts';

/** Every internal link and #fragment in dist/ resolves; problems are reported all together. */
describe('links in dist/', () => {
  it('has no broken internal link, fragment, duplicate id or outside resource', () => {
    const report = checkLinks('dist');
    // Licang alone: its 422 pages, the 421 redirects from its old URLs, home, search, 404.
    expect(report.pages).toBeGreaterThanOrEqual(846);
    expect(report.links).toBeGreaterThan(1000);
    expect(formatProblems(report.problems)).toBe('');
  });
});

describe('no request leaves the site', () => {
  it('loads no web font, CDN file or remote image from the stylesheets', () => {
    const css = readdirSync('dist/_astro').filter((f) => f.endsWith('.css'));
    expect(css.length).toBeGreaterThan(0);
    for (const file of css) {
      const text = readFileSync(join('dist/_astro', file), 'utf8');
      expect(text, file).not.toMatch(/@font-face|@import|url\(\s*['"]?(https?:)?\/\//i);
    }
  });
});

describe('the link checker', () => {
  const dir = mkdtempSync(join(tmpdir(), 'links-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const page = (path: string, html: string) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), html);
  };

  it('finds each kind of problem and reports them together', () => {
    page(
      'index.html',
      '<a href="/a/">ok</a><a href="/a/#x">ok</a><a href="https://example.org/">out</a><p id="top"></p>',
    );
    page(
      'a/index.html',
      [
        '<p id="x"></p><p id="dup"></p><p id="dup"></p>',
        '<a href="/missing/">1</a>',
        '<a href="/#nope">2</a>',
        '<a href="/a">3</a>',
        '<a href="#">4</a>',
        '<script src="https://cdn.example.org/x.js"></script>',
        '<a href="../#top">ok</a>',
      ].join(''),
    );
    const { pages, problems } = checkLinks(dir);
    expect(pages).toBe(2);
    expect(problems.map((p) => `${p.href} ${p.problem.split(' ')[0]}`)).toEqual([
      '#dup id',
      '/missing/ no',
      '/#nope no',
      '/a missing',
      '# empty',
      'https://cdn.example.org/x.js resource',
    ]);
    expect(problems.every((p) => p.file === join('a', 'index.html'))).toBe(true);
  });
});
