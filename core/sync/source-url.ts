/**
 * A sync source's URL as the user typed it → the base URL the engine reads `index.json` from, and the
 * host permission to ask for. Sources are https; plain http is allowed only on 127.0.0.1, for a pack
 * server on the same machine (`npm run packs -- serve`). Both must fall within the manifest's
 * `optional_host_permissions`, or the browser refuses the request.
 */

export type SourceUrlResult =
  | {
      ok: true;
      /** The folder URL, ending in `/`, with no query or fragment. */
      url: string;
      /** The host permission pattern for the source's host, e.g. `https://packs.example.org/*`. */
      permission: string;
    }
  | { ok: false; reason: 'invalid' | 'insecure' | 'credentials' };

/** The loopback host a local pack server binds to; the only host allowed over plain http. */
export const LOCAL_HOST = '127.0.0.1';

export function parseSourceUrl(text: string): SourceUrlResult {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, reason: 'invalid' };
  if (url.protocol === 'http:' && url.hostname !== LOCAL_HOST) return { ok: false, reason: 'insecure' };
  if (url.username || url.password) return { ok: false, reason: 'credentials' };
  url.search = '';
  url.hash = '';
  // A pasted link to the index itself means its folder.
  if (url.pathname.endsWith('/index.json')) url.pathname = url.pathname.slice(0, -'index.json'.length);
  if (!url.pathname.endsWith('/')) url.pathname = `${url.pathname}/`;
  // Match patterns carry no port: `http://127.0.0.1/*` covers every port of the host.
  return { ok: true, url: url.href, permission: `${url.protocol}//${url.hostname}/*` };
}
