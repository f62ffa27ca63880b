import { useState } from 'preact/hooks';
import type { EntityKind, Role } from '../core/model';
import { newestFirst } from '../core/ranking/statement-ranker';
import type { RoleConflict } from '../core/roles/role-resolution';
import { clipText, DISPLAY_LIMITS as MAX } from '../core/text/clip-text';
import type { EntityContext } from '../messaging/protocol';
import { formatDate, t } from './i18n';
import { NoteSection } from './NoteSection';
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

/** How many statements the card shows before "more": the most relevant to the article. */
const TOP_STATEMENTS = 3;

/**
 * A person's earlier statements: the three most relevant to the article, each with why it is shown, and
 * a button that lists all of them newest first. The ranking was made during the page pass.
 */
function PriorStatements({ context }: { context: EntityContext }) {
  const [expanded, setExpanded] = useState(false);
  const { statements, statementCount, relevance } = context;
  const byId = new Map(statements.map((s) => [s.id, s]));
  const ranked = relevance
    ? relevance.flatMap((r) => (byId.has(r.id) ? [r] : []))
    : statements.map((s) => ({ id: s.id, why: [] as string[] }));
  const top = ranked.slice(0, TOP_STATEMENTS).flatMap((r) => byId.get(r.id) ?? []);
  const why = new Map(ranked.map((r) => [r.id, r.why]));
  const listId = `bs-all-${context.entity.id.replace(/[^\w-]/g, '_')}`;
  return (
    <section class="bs-section" data-testid="prior-statements">
      <h3>{t('priorStatements')}</h3>
      {top.length ? (
        <StatementList statements={top} why={why} label={t('rankTopLabel')} />
      ) : (
        <p class="bs-muted">{t('noStatements')}</p>
      )}
      {statements.length > top.length && (
        <button
          type="button"
          class="bs-more"
          data-testid="statements-more"
          aria-expanded={expanded}
          aria-controls={listId}
          onClick={() => setExpanded(!expanded)}
        >
          {expanded ? t('rankMoreHide') : t('rankMoreShow', statements.length)}
        </button>
      )}
      {expanded && (
        <div data-testid="statements-all">
          <StatementList
            statements={[...statements].sort(newestFirst)}
            label={t('rankAllLabel')}
            id={listId}
          />
        </div>
      )}
      {statementCount > statements.length && <p class="bs-muted">{t('statementsMore', statementCount)}</p>}
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
  const { entity, roleOnDate, resolvedFor } = context;
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
      {entity.kind === 'person' && <PriorStatements context={context} />}
      <NoteSection key={entity.id} entityId={entity.id} note={context.note} />
    </>
  );
}
