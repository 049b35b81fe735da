/**
 * The little of citation-js (no types of its own) that src/site/citation-formats.ts uses. Only
 * the build imports it: it never reaches the browser (test/site-wide/csp.test.ts checks dist/).
 */
declare module '@citation-js/core' {
  export class Cite {
    constructor(data: unknown);
    format(format: string, options?: Record<string, unknown>): unknown;
  }
  export const plugins: {
    config: { get(plugin: string): unknown };
  };
}

declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-ris';
declare module '@citation-js/plugin-csl';
