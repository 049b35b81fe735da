/** /apple-touch-icon.png: the home-screen icon, drawn when the site is built (src/site/touch-icon.ts). */
import type { APIRoute } from 'astro';
import { touchIconPng } from '../site/touch-icon.ts';

export const GET: APIRoute = () =>
  new Response(new Uint8Array(touchIconPng()), { headers: { 'Content-Type': 'image/png' } });
