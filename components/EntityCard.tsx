import type { EntityKind, Role } from '../core/model';
import type { RoleConflict } from '../core/roles/role-resolution';
import { clipText, DISPLAY_LIMITS as MAX } from '../core/text/clip-text';
import type { EntityContext } from '../messaging/protocol';
import { formatDate, t } from './i18n';
import { SourceLink } from './SourceLink';
import { StatementList } from './StatementList';

export interface ArticleSays {
  /** Titles and role phrases the article attaches to the name ("Defence Secretary", "economist"). */
  descriptions: string[];
  /** The name's attributed quotes in this article. */
  quotes: string[];
}

export interface EntityCardProps {
  kind: EntityKind;
  /** The name as the article writes it, for unknown names. */
  name: string;
  context: EntityContext | null;
  articleDate: string | null;
  articleSays: ArticleSays;
  /** Set when the card opens from a role phrase: the article's words and the office they name on the date. */
  roleReference?: { phrase: string; role: Role };
  /** Titles the article gives this person that the database contradicts on the date. */
  conflicts?: RoleConflict[];
}

const KIND_KEY: Record<EntityKind, string> = {
  person: 'kindPerson',
  organization: 'kindOrganization',
  place: 'kindPlace',
};

function RoleLine({ role, date }: { role: Role | null; date: string }) {
  if (!role)
    return (
      <p class="bs-role bs-muted" data-testid="card-role">
        {t('noRoleOnDate', formatDate(date))}
      </p>
    );
  const since = role.from ? t('roleSince', formatDate(role.from)) : '';
  const asOf = !role.to && role.asOf && role.asOf < date ? t('roleAsOf', formatDate(role.asOf)) : '';
  return (
    <p class="bs-role" data-testid="card-role">
      <strong>{clipText(role.title, MAX.title)}</strong>{' '}
      <span class="bs-muted">
        {[t('roleOnDate', formatDate(date)), since, asOf].filter(Boolean).join(' · ')}
      </span>
      <span class="bs-role-source">
        {' '}
        <SourceLink source={role.source} />
      </span>
    </p>
  );
}

function ArticleSaysSection({ says }: { says: ArticleSays }) {
  const empty = says.descriptions.length === 0 && says.quotes.length === 0;
  return (
    <section data-testid="article-says" class="bs-section">
      <h3>{t('articleSays')}</h3>
      {empty && <p class="bs-muted">{t('articleSaysNothing')}</p>}
      {says.descriptions.length > 0 && (
        <p>
          {t('articleCalls')}: {says.descriptions.map((d) => clipText(d, MAX.title)).join('; ')}
        </p>
      )}
      {says.quotes.length > 0 && (
        <ul class="bs-statements">
          {says.quotes.slice(0, 3).map((q) => (
            <li key={q} class="bs-statement">
              <q>{clipText(q, MAX.quote)}</q>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function RoleReference({ phrase, date }: { phrase: string; date: string }) {
  return (
    <p class="bs-role-ref" data-testid="card-role-reference">
      {t('roleReference', clipText(phrase, MAX.title), formatDate(date))}
    </p>
  );
}

/** Where the article and the record disagree: both sides stated plainly, with the record's source, no verdict. */
function ConflictSection({ conflicts, date }: { conflicts: RoleConflict[]; date: string }) {
  return (
    <section class="bs-section bs-conflict" data-testid="card-conflict" aria-label={t('conflictTitle')}>
      <h3>{t('conflictTitle')}</h3>
      {conflicts.map((c) => (
        <p key={c.stated}>
          {t('conflictArticle', clipText(c.stated, MAX.title))}{' '}
          {t('conflictDatabase', formatDate(date), clipText(c.held.title, MAX.title))}
          {c.held.from ? ` (${t('roleSince', formatDate(c.held.from))})` : ''}{' '}
          <span class="bs-role-source">
            <SourceLink source={c.held.source} />
          </span>
        </p>
      ))}
    </section>
  );
}

/** The card for a person, organisation or place: the database's record if any, else what the article says. */
export function EntityCard({
  kind,
  name,
  context,
  articleDate,
  articleSays,
  roleReference,
  conflicts,
}: EntityCardProps) {
  if (!context) {
    return (
      <>
        <header class="bs-head">
          <h2 data-testid="card-name">{clipText(name, MAX.name)}</h2>
          <span class="bs-kind">{t(KIND_KEY[kind])}</span>
        </header>
        <p class="bs-unknown">{t('notInDatabase')}</p>
        <ArticleSaysSection says={articleSays} />
      </>
    );
  }
  const { entity, roleOnDate, resolvedFor, statements, statementCount } = context;
  const date = articleDate ?? resolvedFor;
  return (
    <>
      <header class="bs-head">
        <h2 data-testid="card-name">{clipText(entity.name, MAX.name)}</h2>
        <span class="bs-kind">{t(KIND_KEY[entity.kind])}</span>
      </header>
      {roleReference && <RoleReference phrase={roleReference.phrase} date={date} />}
      {entity.kind === 'person' && <RoleLine role={roleReference?.role ?? roleOnDate} date={date} />}
      {conflicts && conflicts.length > 0 && <ConflictSection conflicts={conflicts} date={date} />}
      {entity.description && (
        <p class="bs-description" data-testid="card-description">
          {clipText(entity.description, MAX.description)}
        </p>
      )}
      {entity.kind === 'person' && (
        <section class="bs-section">
          <h3>{t('priorStatements')}</h3>
          {statements.length ? (
            <StatementList statements={statements} />
          ) : (
            <p class="bs-muted">{t('noStatements')}</p>
          )}
          {statementCount > statements.length && (
            <p class="bs-muted">{t('statementsMore', statementCount)}</p>
          )}
        </section>
      )}
    </>
  );
}
