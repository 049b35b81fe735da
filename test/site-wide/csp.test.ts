import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { htmlFiles } from '../../scripts/tools/check-links.ts';
import { entityUrl, PLAN_PAGES } from '../../src/model/urls.ts';
import {
  CONTENT_SECURITY_POLICY,
  CONTENT_SECURITY_POLICY_HEADER,
} from '../../src/site/security.ts';
import { loadSitePlan } from '../../src/site/site-plan.ts';
import { openPage, useSiteBrowser } from '../support/browser.ts';

/**
 * The Content-Security-Policy of issue 10 (src/site/security.ts): every page of dist/ carries
 * it first in its head and has nothing it would block (no inline script, no <style>, no style
 * attribute, no event-handler attribute); citation-js stays out of the browser's bundle; and in
 * Chromium, every page type with the policy enforced reports no violation, with the scripts at
 * work (the search worker, the citation panel, sorting, the compare table).
 */
const DIST = 'dist';

describe('every page of dist/', () => {
  const files = htmlFiles(DIST);

  it('carries the policy in a <meta> before any stylesheet or script', () => {
    const wrong: string[] = [];
    for (const file of files) {
      const html = readFileSync(file, 'utf8');
      const head = /<head>([\s\S]*?)<\/head>/.exec(html)?.[1] ?? '';
      const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(head);
      const first = head.search(/<(link|script|style)\b/);
      if (!meta || meta[1]!.replace(/&#39;/g, "'") !== CONTENT_SECURITY_POLICY) wrong.push(file);
      else if (first >= 0 && first < meta.index) wrong.push(`${file}: meta after a resource`);
    }
    expect(files.length).toBeGreaterThan(800);
    expect(wrong).toEqual([]);
  });

  it('has no inline script, <style>, style attribute or event-handler attribute', () => {
    const found: string[] = [];
    for (const file of files) {
      const html = readFileSync(file, 'utf8');
      for (const m of html.matchAll(/<script\b([^>]*)>/gi))
        if (!/\ssrc="/.test(m[1]!)) found.push(`${file}: inline <script>`);
      if (/<style\b/i.test(html)) found.push(`${file}: <style>`);
      // Attributes only: inside a tag, after a space (text may well say style="…").
      for (const m of html.matchAll(/<[a-z][^>]*\s(style|on[a-z]+)="/gi))
        found.push(`${file}: ${m[1]} attribute`);
    }
    expect(found.slice(0, 20)).toEqual([]);
  });

  it('ships no citation code to the browser (citation-js, citeproc stay in the build)', () => {
    const scripts = readdirSync(join(DIST, '_astro')).filter((f) => f.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    for (const file of scripts) {
      const text = readFileSync(join(DIST, '_astro', file), 'utf8');
      expect(text, file).not.toMatch(/citation-js|citeproc|CSL\.Engine/);
    }
  });
});

describe('docs/site.md', () => {
  it('prints the policy as the pages carry it and as the nginx example sends it', () => {
    const doc = readFileSync('docs/site.md', 'utf8');
    expect(doc).toContain(`\n${CONTENT_SECURITY_POLICY}\n`);
    expect(doc).toContain(`add_header Content-Security-Policy "${CONTENT_SECURITY_POLICY_HEADER}"`);
  });
});

describe('with the policy enforced, in Chromium', () => {
  const site = useSiteBrowser();

  /** Load a page, let its scripts work, and return what the policy blocked. */
  async function violations(page: Page, path: string, act?: (page: Page) => Promise<void>) {
    const blocked: string[] = [];
    page.on('console', (msg) => {
      if (/Content.Security.Policy|Refused to/i.test(msg.text())) blocked.push(msg.text());
    });
    await page.goto(`${site.server.origin}${path}`);
    await page.waitForLoadState('load');
    if (act) await act(page);
    await page.waitForTimeout(150);
    const events = await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
    return [...events, ...blocked];
  }

  const plan = loadSitePlan('licang-14');
  const entity = plan.entities.entities[0]!;
  const metric = readdirSync(join(DIST, 'compare/indicators'), { withFileTypes: true }).find((d) =>
    d.isDirectory(),
  )!.name;
  const topic = readdirSync(join(DIST, 'compare/topics'), { withFileTypes: true }).find((d) =>
    d.isDirectory(),
  )!.name;
  const PAGES: [string, string, ((page: Page) => Promise<void>)?][] = [
    ['corpus home', '/'],
    ['plan home', plan.href(PLAN_PAGES.home)],
    [
      'reading page, citation panel open',
      plan.href('/7/1/'),
      async (page) => {
        await page.locator('[id="7.1.1"] .tools button[data-copy="formats"]').click();
        await page.locator('#cite-panel').waitFor();
      },
    ],
    ['indicators', plan.href(PLAN_PAGES.indicators)],
    [
      'targets, sorted',
      plan.href(PLAN_PAGES.targets),
      async (page) => page.locator('th[data-sort="metric"] button').click(),
    ],
    ['entities', plan.href(PLAN_PAGES.entities)],
    ['entity page', plan.href(entityUrl(entity.id))],
    ['cite', plan.href(PLAN_PAGES.cite)],
    ['downloads', plan.href(PLAN_PAGES.downloads)],
    [
      'search, with results from the worker',
      '/search/?q=垃圾分类',
      async (page) => page.locator('#search-page-results > li').first().waitFor(),
    ],
    ['compare indicators', '/compare/indicators/'],
    ['compare metric, with its chart', `/compare/indicators/${metric}/`],
    ['compare topics', '/compare/topics/'],
    ['compare topic', `/compare/topics/${topic}/`],
    ['glossary', '/guangzhou-15/glossary/'],
    ['404', '/no-such-page/'],
    ['legacy redirect', '/7/1/#7.1.1', async (page) => page.waitForURL(/licang-14\/7\/1\//)],
  ];

  it.each(PAGES)('%s (%s) reports no violation', async (_, path, act) => {
    const { context, page, outside } = await openPage(site.browser, site.server.origin);
    // Before any of the page's own code: collect every securitypolicyviolation event.
    await context.addInitScript(() => {
      const w = window as unknown as { __csp: string[] };
      w.__csp = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        w.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
      );
    });
    expect(await violations(page, path, act)).toEqual([]);
    expect(outside).toEqual([]);
    await context.close();
  });

  it('is really enforced: an inline script the page did not ship is blocked and reported', async () => {
    const { context, page } = await openPage(site.browser, site.server.origin);
    await page.goto(`${site.server.origin}/licang-14/`);
    const reported = await page.evaluate(
      () =>
        new Promise<string>((done) => {
          document.addEventListener('securitypolicyviolation', (e) => done(e.violatedDirective));
          const s = document.createElement('script');
          s.textContent = 'window.__ran = true';
          document.body.appendChild(s);
          setTimeout(() => done('none'), 1000);
        }),
    );
    expect(reported).toMatch(/^script-src/);
    expect(await page.evaluate(() => (window as unknown as { __ran?: boolean }).__ran)).toBe(
      undefined,
    );
    await context.close();
  });
});
