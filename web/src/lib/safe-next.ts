/**
 * The page to go to after signing in, from the `next` query parameter: only a path on this site.
 * `next` is parsed as a URL against the site's origin the way a browser would read it (so `/\evil.example`
 * and `/<tab>/evil.example`, which browsers read as `//evil.example`, are seen for what they are); anything
 * that leaves the origin, or would be read as a protocol-relative address, gives `fallback`. The answer is
 * always the parsed pathname + search + hash, never the raw parameter.
 */
export function safeNext(next: string | null | undefined, origin: string, fallback = '/courses'): string {
  if (!next || !next.startsWith('/')) {
    return fallback;
  }
  let site: URL;
  let url: URL;
  try {
    site = new URL(origin);
    url = new URL(next, site);
  } catch {
    return fallback;
  }
  if (url.origin !== site.origin) {
    return fallback;
  }
  const path = `${url.pathname}${url.search}${url.hash}`;
  // "/.//evil.example" parses to the path "//evil.example", which a browser would take as another host.
  return path.startsWith('//') || path.startsWith('/\\') ? fallback : path;
}

/**
 * `?next=<page>` to carry the page to return to from one sign-in page to the next (and into a sign-in
 * link), or '' when the address has none that is safe.
 */
export function nextQuery(url: URL): string {
  const next = safeNext(url.searchParams.get('next'), url.origin, '');
  return next ? `?next=${encodeURIComponent(next)}` : '';
}
