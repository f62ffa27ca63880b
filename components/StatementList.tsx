import type { Statement } from '../core/model';
import { clipText, DISPLAY_LIMITS as MAX } from '../core/text/clip-text';
import { formatDate } from './i18n';
import { SourceLink } from './SourceLink';

/** Dated, sourced quotes. Text is rendered as text nodes only, never as markup. */
export function StatementList({ statements }: { statements: readonly Statement[] }) {
  return (
    <ul class="bs-statements">
      {statements.map((s) => (
        <li key={s.id} data-testid="statement" class="bs-statement">
          <q>{clipText(s.quote, MAX.quote)}</q>
          <div class="bs-meta">
            <time dateTime={s.date}>{formatDate(s.date)}</time> · <SourceLink source={s.source} />
          </div>
        </li>
      ))}
    </ul>
  );
}
