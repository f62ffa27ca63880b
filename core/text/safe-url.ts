/**
 * Which URLs from packs (or any other untrusted data) may become a link. Only absolute `http:` and
 * `https:` URLs with a host do: `javascript:`, `data:`, `vbscript:`, `file:`, `blob:` and the like would
 * run code or open local content in the extension's or the page's context, and a relative URL would
 * resolve against whatever page or extension page shows it. Parsing with `URL` (rather than testing the
 * text) sees the scheme the browser sees: tabs and newlines inside it, leading spaces and mixed case are
 * all normalised the same way the browser would normalise them before following the link.
 */

const LINK_PROTOCOLS = new Set(['http:', 'https:']);

/** The URL, normalised, when it is safe to put in `href`; undefined for anything else. */
export function safeLinkUrl(url: string | null | undefined): string | undefined {
  if (!url) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (!LINK_PROTOCOLS.has(parsed.protocol) || !parsed.hostname) return undefined;
  return parsed.href;
}
