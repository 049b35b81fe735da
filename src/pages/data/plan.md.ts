/** /data/plan.md: the cleaned full text as Markdown. */
import type { APIRoute } from 'astro';
import { planMarkdown } from '../../lib/site/markdown.ts';
import { loadDocument } from '../../lib/site/plan.ts';

export const GET: APIRoute = () =>
  new Response(planMarkdown(loadDocument()), {
    headers: { 'Content-Type': 'text/markdown; charset=utf-8' },
  });
