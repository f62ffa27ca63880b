import type { Statement } from '../core/model';
import { clipText, DISPLAY_LIMITS as MAX } from '../core/text/clip-text';
import { formatDate, t } from './i18n';
import { SourceLink } from './SourceLink';

export interface StatementListProps {
  statements: readonly Statement[];
  /** Why each statement is shown: the terms it shares with the article, by statement id. */
  why?: ReadonlyMap<string, readonly string[]>;
  /** The list's accessible name, when the card has more than one list. */
  label?: string;
  id?: string;
}

/** Dated, sourced quotes. Text is rendered as text nodes only, never as markup. */
export function StatementList({ statements, why, label, id }: StatementListProps) {
  return (
    <ul class="bs-statements" aria-label={label} id={id}>
      {statements.map((s) => (
        <li key={s.id} data-testid="statement" class="bs-statement">
          <q>{clipText(s.quote, MAX.quote)}</q>
          <div class="bs-meta">
            <time dateTime={s.date}>{formatDate(s.date)}</time> · <SourceLink source={s.source} />
            {s.origin === 'reading' && (
              <span class="bs-reading" data-testid="statement-reading">
                {' · '}
                {t('captureFromReading')}
              </span>
            )}
          </div>
          {(why?.get(s.id)?.length ?? 0) > 0 && (
            <div class="bs-why" data-testid="statement-why">
              {t('rankWhyShown', why?.get(s.id)?.join(', ') ?? '')}
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}
