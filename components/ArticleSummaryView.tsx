/**
 * The popup brief of the active tab: its people, organisations and places with their roles, its figures,
 * where the article and the record disagree on a role, the earlier statements most relevant to it, and
 * the quotes it sent for capture. With `onReveal`, every item is a button that jumps to its first mention
 * in the page (sources stay links beside the button: a link inside a button cannot be reached on its own).
 */
import type { ComponentChildren } from 'preact';
import type { MentionTarget } from '../core/article/mention-order';
import type { EntityKind } from '../core/model';
import { clipText, DISPLAY_LIMITS as MAX } from '../core/text/clip-text';
import type { ArticleSummary, SummaryEntity, SummaryStatement } from '../messaging/protocol';
import { FigureBrief } from './FigureBrief';
import { formatDate, t } from './i18n';
import { SourceLink } from './SourceLink';

/** Asks the page to scroll to the first mention of an entity or figure and open its card. */
export type RevealMention = (target: MentionTarget) => void;

const SECTIONS: { kind: EntityKind; title: string; testId: string }[] = [
  { kind: 'person', title: 'popupPeople', testId: 'people' },
  { kind: 'organization', title: 'popupOrganizations', testId: 'organizations' },
  { kind: 'place', title: 'popupPlaces', testId: 'places' },
];

/** How many of the most relevant statements the brief lists. */
const TOP_STATEMENTS = 5;

function Jump({
  target,
  onReveal,
  children,
}: {
  target: MentionTarget;
  onReveal?: RevealMention;
  children: ComponentChildren;
}) {
  if (!onReveal) return <div>{children}</div>;
  return (
    <button
      type="button"
      class="jump"
      title={t('briefJumpHint')}
      data-reveal-kind={target.kind}
      data-reveal-key={target.key}
      onClick={() => onReveal(target)}
    >
      {children}
    </button>
  );
}

function EntityItem({ entity, onReveal }: { entity: SummaryEntity; onReveal?: RevealMention }) {
  return (
    <li>
      <Jump target={{ kind: 'entity', key: entity.id }} onReveal={onReveal}>
        <span class="name">{clipText(entity.name, MAX.name)}</span>{' '}
        <span class="count">{t('mentions', entity.mentions)}</span>
      </Jump>
      {entity.role && <div class="sub">{clipText(entity.role, MAX.title)}</div>}
      {!entity.known && <div class="sub muted">{t('unknownShort')}</div>}
    </li>
  );
}

/** Most relevant first when the statements carry a score; as given otherwise (the sort is stable). */
function mostRelevant(statements: readonly SummaryStatement[]): SummaryStatement[] {
  return [...statements].sort((a, b) => (b.score ?? 0) - (a.score ?? 0)).slice(0, TOP_STATEMENTS);
}

function StatementItem({ item, onReveal }: { item: SummaryStatement; onReveal?: RevealMention }) {
  const { speaker, speakerId, statement, why } = item;
  return (
    <li>
      <Jump target={{ kind: 'entity', key: speakerId }} onReveal={onReveal}>
        <span class="name">{clipText(speaker, MAX.name)}</span>: <q>{clipText(statement.quote, MAX.quote)}</q>
      </Jump>
      {why && why.length > 0 && (
        <div class="why" data-testid="statement-why">
          {t('rankWhyShown', why.map((term) => clipText(term, MAX.title)).join(', '))}
        </div>
      )}
      <div class="sub">
        <time dateTime={statement.date}>{formatDate(statement.date)}</time> ·{' '}
        <SourceLink source={statement.source} />
        {statement.origin === 'reading' && ` · ${t('captureFromReading')}`}
      </div>
    </li>
  );
}

export function ArticleSummaryView({
  summary,
  onReveal,
}: {
  summary: ArticleSummary;
  onReveal?: RevealMention;
}) {
  const statements = mostRelevant(summary.statements);
  const captured = summary.captured ?? [];
  return (
    <>
      <p class="article-title">{clipText(summary.title, MAX.title)}</p>
      {summary.articleDate && <p class="muted">{t('popupArticleDate', formatDate(summary.articleDate))}</p>}
      {SECTIONS.map(({ kind, title, testId }) => {
        const items = summary.entities.filter((e) => e.kind === kind);
        return (
          <section key={kind}>
            <h2>{t(title)}</h2>
            {items.length ? (
              <ul data-testid={testId}>
                {items.map((e) => (
                  <EntityItem key={e.id} entity={e} onReveal={onReveal} />
                ))}
              </ul>
            ) : (
              <p class="muted">{t('popupNothing')}</p>
            )}
          </section>
        );
      })}
      <section>
        <h2>{t('popupFigures')}</h2>
        {summary.figures.length ? (
          <ul data-testid="figures">
            {summary.figures.map((f) => (
              <li key={f.key}>
                <Jump target={{ kind: 'figure', key: f.key }} onReveal={onReveal}>
                  <span class="name">{clipText(f.text, MAX.name)}</span>{' '}
                  {f.occurrences > 1 && <span class="count">×{f.occurrences}</span>}
                </Jump>
                {/* The parsed reading, when it says more than the article's words ("£2.2 billion = 2,200,000,000 GBP"). */}
                {f.display !== f.text && <div class="sub">{f.display}</div>}
                {f.context && <FigureBrief context={f.context} />}
              </li>
            ))}
          </ul>
        ) : (
          <p class="muted">{t('popupNothing')}</p>
        )}
      </section>
      {summary.conflicts.length > 0 && (
        <section>
          <h2>{t('popupConflicts')}</h2>
          <ul data-testid="conflicts">
            {summary.conflicts.map((c) => (
              <li key={`${c.entityId}:${c.stated}`}>
                <Jump target={{ kind: 'entity', key: c.entityId }} onReveal={onReveal}>
                  <span class="name">{clipText(c.name, MAX.name)}</span>
                </Jump>
                <div class="sub">
                  {t('conflictArticle', clipText(c.stated, MAX.title))}{' '}
                  {summary.articleDate
                    ? t(
                        'conflictDatabase',
                        formatDate(summary.articleDate),
                        clipText(c.held.title, MAX.title),
                      )
                    : clipText(c.held.title, MAX.title)}{' '}
                  <SourceLink source={c.held.source} />
                </div>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section>
        <h2>{t('popupStatements')}</h2>
        {statements.length ? (
          <ul data-testid="statements">
            {statements.map((item) => (
              <StatementItem key={item.statement.id} item={item} onReveal={onReveal} />
            ))}
          </ul>
        ) : (
          <p class="muted">{t('popupNothing')}</p>
        )}
      </section>
      {captured.length > 0 && (
        <section>
          <h2>{t('briefCaptured')}</h2>
          <ul data-testid="captured">
            {captured.map((q) => (
              <li key={`${q.speakerId}:${q.text}`}>
                <Jump target={{ kind: 'entity', key: q.speakerId }} onReveal={onReveal}>
                  <span class="name">{clipText(q.speakerName, MAX.name)}</span>:{' '}
                  <q>{clipText(q.text, MAX.quote)}</q>
                </Jump>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
