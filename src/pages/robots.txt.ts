/**
 * /robots.txt: every page may be indexed; the sitemap is at the deploy address. (Crawlers read
 * robots.txt at the root of a host only: under a sub-path, the host's own robots.txt should
 * point to this sitemap.)
 */
import type { APIRoute } from 'astro';
import { absoluteUrl, withBase } from '../model/urls.ts';

export const GET: APIRoute = () =>
  new Response(
    [
      'User-agent: *',
      'Allow: /',
      '',
      `Sitemap: ${absoluteUrl(withBase('/sitemap-index.xml'))}`,
      '',
    ].join('\n'),
    { headers: { 'Content-Type': 'text/plain; charset=utf-8' } },
  );
