import { clipText, DISPLAY_LIMITS as MAX } from '../core/text/clip-text';
import type { ImportProgress } from '../messaging/protocol';
import { t } from './i18n';

/** A pack import running in the background: a native progress bar (role progressbar) with its count. */
export function ImportProgressView({ progress }: { progress: ImportProgress }) {
  const label = t(
    'popupImporting',
    clipText(progress.title, MAX.name),
    progress.done.toLocaleString(),
    progress.total.toLocaleString(),
  );
  return (
    <section data-testid="import-progress" class="import-progress">
      <p>{label}</p>
      <progress max={Math.max(progress.total, 1)} value={progress.done} aria-label={label} />
    </section>
  );
}
