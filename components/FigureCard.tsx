import type { FigureContext } from '../core/article/article-context';
import { clipText, DISPLAY_LIMITS as MAX } from '../core/text/clip-text';
import { t } from './i18n';

/** The card for a figure: its parsed value and the other figures of the same kind on the page. */
export function FigureCard({ context }: { context: FigureContext }) {
  const { figure, occurrences, elsewhere } = context;
  return (
    <>
      <header class="bs-head">
        <h2 data-testid="card-name">{clipText(figure.text, MAX.name)}</h2>
        <span class="bs-kind">{t('kindFigure')}</span>
      </header>
      <p class="bs-figure-value" data-testid="figure-value">
        {figure.display}
      </p>
      {occurrences > 1 && <p class="bs-muted">{t('figureOccurrences', occurrences)}</p>}
      <section class="bs-section">
        <h3>{t('figureElsewhere')}</h3>
        {elsewhere.length === 0 ? (
          <p class="bs-muted">{t('figureNothingElse')}</p>
        ) : (
          <ul class="bs-elsewhere">
            {elsewhere.map((e, i) => (
              <li key={`${i}:${e.text}`} data-testid="figure-elsewhere">
                <strong>{clipText(e.text, MAX.name)}</strong>
                {e.sameQuantity && <span class="bs-tag">{t('figureSameQuantity')}</span>}{' '}
                <span class="bs-muted">{clipText(e.sentence, MAX.sentence)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
