import type { Source } from '../core/model';
import { clipText, DISPLAY_LIMITS as MAX } from '../core/text/clip-text';
import { safeLinkUrl } from '../core/text/safe-url';

/**
 * Names a source the way a reader can check it: a link, or publisher / dataset and record. Only http(s)
 * URLs become links (see core/text/safe-url.ts); any other URL is shown as inert text.
 */
export function SourceLink({ source }: { source: Source }) {
  const href = safeLinkUrl(source.url);
  const named = [
    source.publisher,
    source.dataset && `${source.dataset}${source.record ? ` · ${source.record}` : ''}`,
  ]
    .filter(Boolean)
    .join(' — ');
  const label = clipText(named || (href ? new URL(href).hostname : (source.url ?? '')), MAX.label);
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
