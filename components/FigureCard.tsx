import type {
  EarlierValue,
  FigureContext,
  FigureElsewhere,
  FigureSpeaker,
} from '../core/article/figure-context';
import type { FigurePeriod } from '../core/figures/figure-topic';
import type { ReferenceFigure } from '../core/model';
import { clipText, DISPLAY_LIMITS as MAX } from '../core/text/clip-text';
import { formatDate, t } from './i18n';
import { SourceLink } from './SourceLink';

/**
 * A value in its unit at a human scale: "£13.4bn" for GBP, "65.1M people" for a count. `signed` adds the
 * sign, for a change. Only formats what the data says: the unit is the record's own.
 */
export function formatQuantity(value: number, unit: string, signed = false): string {
  const signDisplay = signed ? 'exceptZero' : 'auto';
  if (/^[A-Z]{3}$/u.test(unit)) {
    try {
      return new Intl.NumberFormat(undefined, {
        style: 'currency',
        currency: unit,
        notation: 'compact',
        maximumFractionDigits: 1,
        signDisplay,
      }).format(value);
    } catch {
      // Not a currency Intl knows: fall through to number and code.
    }
  }
  const number = new Intl.NumberFormat(undefined, {
    notation: 'compact',
    maximumFractionDigits: 1,
    signDisplay,
  }).format(value);
  return unit.startsWith('%') ? `${number}${unit}` : `${number} ${unit}`;
}

function periodText(period: FigurePeriod | undefined): string {
  if (!period) return '';
  return [period.per ? t('figurePer', period.per) : '', period.when ?? ''].filter(Boolean).join(', ');
}

function SpeakerName({ speaker }: { speaker: FigureSpeaker }) {
  return (
    <span data-testid="figure-speaker-name">
      {clipText(speaker.name, MAX.name)}
      {speaker.as ? ` (${t('figureAs', clipText(speaker.as, MAX.title))})` : ''}
    </span>
  );
}

/** Value, scale, period and who gave it, as parsed from the article. */
function Parsed({ context }: { context: FigureContext }) {
  const facts = [
    context.scale ? t('figureScale', context.scale) : '',
    periodText(context.period) ? t('figurePeriod', periodText(context.period)) : '',
    context.topic?.length ? t('figureTopic', context.topic.join(', ')) : '',
  ].filter(Boolean);
  return (
    <>
      {facts.length > 0 && (
        <p class="bs-muted" data-testid="figure-parsed">
          {facts.join(' · ')}
        </p>
      )}
      {context.speaker && (
        <p data-testid="figure-speaker">
          {t('figureGivenBy')} <SpeakerName speaker={context.speaker} />
        </p>
      )}
    </>
  );
}

function ElsewhereItem({ item }: { item: FigureElsewhere }) {
  return (
    <li data-testid="figure-elsewhere" data-same-topic={item.sameTopic ? 'true' : undefined}>
      <strong>{clipText(item.written ?? item.text, MAX.name)}</strong>
      {item.sameQuantity && <span class="bs-tag">{t('figureSameQuantity')}</span>}
      {item.sameTopic && <span class="bs-tag">{t('figureSameTopic', item.sameTopic.join(', '))}</span>}
      {item.speaker && (
        <div class="bs-meta" data-testid="figure-elsewhere-speaker">
          {t('figureGivenBy')} <SpeakerName speaker={item.speaker} />
        </div>
      )}{' '}
      <span class="bs-muted">{clipText(item.sentence, MAX.sentence)}</span>
    </li>
  );
}

/** Earlier statements with the same kind of quantity on the topic, and the change from the newest. */
function EarlierSection({ earlier, change }: { earlier: EarlierValue[]; change: FigureContext['change'] }) {
  return (
    <section class="bs-section" data-testid="figure-earlier">
      <h3>{t('figureEarlier')}</h3>
      {change && (
        <p data-testid="figure-change">
          {t('figureChange', formatQuantity(change.by, change.unit, true), formatDate(change.since))}
        </p>
      )}
      <ul class="bs-elsewhere">
        {earlier.map((e) => (
          <li key={`${e.statement.id}:${e.text}`}>
            <strong>{clipText(e.text, MAX.name)}</strong> · {clipText(e.speaker, MAX.name)}{' '}
            <q>{clipText(e.statement.quote, MAX.sentence)}</q>
            <div class="bs-meta">
              <time dateTime={e.statement.date}>{formatDate(e.statement.date)}</time> ·{' '}
              <SourceLink source={e.statement.source} />
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

function ReferenceSection({ references }: { references: ReferenceFigure[] }) {
  return (
    <section class="bs-section" data-testid="figure-references">
      <h3>{t('figureReferences')}</h3>
      <ul class="bs-elsewhere">
        {references.map((r) => (
          <li key={r.id} data-testid="figure-reference">
            {t(
              'figureReferenceLine',
              clipText(r.measure, MAX.title),
              r.period,
              formatQuantity(r.value, r.unit),
            )}
            <div class="bs-meta">
              <SourceLink source={r.source} />
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * The card for a figure: its parsed value, who gave it, the page's other figures (those on the same topic
 * first, with who gave each), a plain note when the article gives different figures for one topic,
 * earlier statements and reference figures from the database.
 */
export function FigureCard({ context }: { context: FigureContext }) {
  const { figure, occurrences, elsewhere } = context;
  return (
    <>
      <header class="bs-head">
        <h2 data-testid="card-name">{clipText(context.written ?? figure.text, MAX.name)}</h2>
        <span class="bs-kind">{t('kindFigure')}</span>
      </header>
      <p class="bs-figure-value" data-testid="figure-value">
        {figure.display}
      </p>
      <Parsed context={context} />
      {occurrences > 1 && <p class="bs-muted">{t('figureOccurrences', occurrences)}</p>}
      {context.discrepancy && (
        <p class="bs-conflict" data-testid="figure-discrepancy">
          {t('figureDiscrepancy')}
        </p>
      )}
      <section class="bs-section">
        <h3>{t('figureElsewhere')}</h3>
        {elsewhere.length === 0 ? (
          <p class="bs-muted">{t('figureNothingElse')}</p>
        ) : (
          <ul class="bs-elsewhere">
            {elsewhere.map((e, i) => (
              <ElsewhereItem key={`${i}:${e.text}`} item={e} />
            ))}
          </ul>
        )}
      </section>
      {context.earlier && context.earlier.length > 0 && (
        <EarlierSection earlier={context.earlier} change={context.change ?? null} />
      )}
      {context.references && context.references.length > 0 && (
        <ReferenceSection references={context.references} />
      )}
    </>
  );
}
