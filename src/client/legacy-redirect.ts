/**
 * On a legacy redirect page (src/pages/[...legacy].astro): go to the page's new address, the
 * `<link rel="canonical">`, keeping the old URL's query and #fragment, so `/7/1/#7.1.1` lands on
 * `/licang-14/7/1/#7.1.1` at that clause. Without JavaScript the page's meta refresh goes to the
 * same page without the fragment, and the page shows the link.
 */
const canonical = document.querySelector<HTMLLinkElement>('link[rel="canonical"]');
if (canonical) location.replace(`${canonical.href}${location.search}${location.hash}`);
