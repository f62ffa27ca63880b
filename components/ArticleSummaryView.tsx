import type { EntityKind } from '../core/model';
import { clipText, DISPLAY_LIMITS as MAX } from '../core/text/clip-text';
import type { ArticleSummary, SummaryEntity } from '../messaging/protocol';
import { formatDate, t } from './i18n';
import { SourceLink } from './SourceLink';

const SECTIONS: { kind: EntityKind; title: string; testId: string }[] = [
  { kind: 'person', title: 'popupPeople', testId: 'people' },
  { kind: 'organization', title: 'popupOrganizations', testId: 'organizations' },
  { kind: 'place', title: 'popupPlaces', testId: 'places' },
];

function EntityItem({ entity }: { entity: SummaryEntity }) {
  return (
    <li>
      <span class="name">{clipText(entity.name, MAX.name)}</span>{' '}
      <span class="count">{t('mentions', entity.mentions)}</span>
      {entity.role && <div class="sub">{clipText(entity.role, MAX.title)}</div>}
      {!entity.known && <div class="sub muted">{t('unknownShort')}</div>}
    </li>
  );
}

export function ArticleSummaryView({ summary }: { summary: ArticleSummary }) {
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
                  <EntityItem key={e.id} entity={e} />
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
                <span class="name">{clipText(f.text, MAX.name)}</span>{' '}
                {f.occurrences > 1 && <span class="count">×{f.occurrences}</span>}
                <div class="sub">{f.display}</div>
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
                <span class="name">{clipText(c.name, MAX.name)}</span>
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
        {summary.statements.length ? (
          <ul data-testid="statements">
            {summary.statements.map(({ speaker, statement }) => (
              <li key={statement.id}>
                <span class="name">{clipText(speaker, MAX.name)}</span>:{' '}
                <q>{clipText(statement.quote, MAX.quote)}</q>
                <div class="sub">
                  <time dateTime={statement.date}>{formatDate(statement.date)}</time> ·{' '}
                  <SourceLink source={statement.source} />
                </div>
              </li>
            ))}
          </ul>
        ) : (
          <p class="muted">{t('popupNothing')}</p>
        )}
      </section>
    </>
  );
}
