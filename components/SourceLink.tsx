import type { Source } from '../core/model';

/** Only http(s) URLs become links; anything else is shown as inert text. */
export function safeHref(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/** Names a source the way a reader can check it: a link, or publisher / dataset and record. */
export function SourceLink({ source }: { source: Source }) {
  const href = safeHref(source.url);
  const label =
    [source.publisher, source.dataset && `${source.dataset}${source.record ? ` · ${source.record}` : ''}`]
      .filter(Boolean)
      .join(' — ') || (href ? new URL(href).hostname : '');
  return href ? (
    <a data-testid="statement-source" class="bs-source" href={href} target="_blank" rel="noopener noreferrer">
      {label || href}
    </a>
  ) : (
    <span data-testid="statement-source" class="bs-source">
      {label}
    </span>
  );
}
