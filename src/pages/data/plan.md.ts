/** /data/plan.md: the cleaned full text as Markdown. */
import type { APIRoute } from 'astro';
import { planMarkdown } from '../../site/markdown.ts';
import { loadDocument } from '../../site/load-artifacts.ts';

export const GET: APIRoute = () =>
  new Response(planMarkdown(loadDocument()), {
    headers: { 'Content-Type': 'text/markdown; charset=utf-8' },
  });
