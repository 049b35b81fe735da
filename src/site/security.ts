/**
 * The site's Content-Security-Policy (docs/site.md, "Security headers"): everything from the site
 * itself, nothing inline. The site has no inline script, no inline style and no style attribute
 * (its scripts and stylesheets are files Astro bundles; test/site-wide/csp.test.ts checks every
 * page of dist/), so the policy needs neither 'unsafe-inline' nor a hash, and the same policy is
 * in every page's <meta> and can be sent by the host as a header.
 */

/** Each directive and its sources. */
export const CSP_DIRECTIVES: readonly (readonly [string, string])[] = [
  ['default-src', "'self'"],
  ['script-src', "'self'"],
  ['style-src', "'self'"],
  ['img-src', "'self'"],
  ['font-src', "'self'"],
  // The search worker fetches the index; the clause tools fetch a page's citation exports.
  ['connect-src', "'self'"],
  ['worker-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'self'"],
  ['form-action', "'self'"],
];

/**
 * Directives a <meta> cannot carry (browsers ignore them there, with a console error): the host
 * adds them to the header.
 */
export const CSP_HEADER_ONLY: readonly (readonly [string, string])[] = [
  ['frame-ancestors', "'self'"],
];

const join = (directives: readonly (readonly [string, string])[]) =>
  directives.map(([name, sources]) => `${name} ${sources}`).join('; ');

/** The policy of every page's `<meta http-equiv="Content-Security-Policy">`. */
export const CONTENT_SECURITY_POLICY = join(CSP_DIRECTIVES);

/** The policy a host sends as a header (docs/site.md has an nginx example). */
export const CONTENT_SECURITY_POLICY_HEADER = join([...CSP_DIRECTIVES, ...CSP_HEADER_ONLY]);
