/**
 * The marks one pass writes, as specs per block: names and figures from the analysis, and role phrases
 * ("the Prime Minister") that the database resolved to a person, which displace a place or organisation
 * mark inside them. Every lookup is by block, so a long page costs the number of its marks, not its square.
 */
import { t } from '../../components/i18n';
import type { ArticleAnalysis } from '../../core/article/article-analysis';
import { localSpan } from '../../core/article/article-text';
import type { Mark } from '../../core/article/mark-resolution';
import type { ResolvedRolePhrase } from '../../core/roles/role-resolution';
import type { CardModel } from './card-controller';
import type { MarkSpec } from './mark-writer';

const KIND_LABEL: Record<string, string> = {
  person: 'kindPerson',
  organization: 'kindOrganization',
  place: 'kindPlace',
  figure: 'kindFigure',
};

type Span = Pick<MarkSpec, 'block' | 'start' | 'end'>;
const overlaps = (a: Span, b: Span) => a.block === b.block && a.start < b.end && b.start < a.end;
/** A role phrase replaces a place or organisation mark inside it ("US" in "the US president"). */
const displaces = (role: Span, spec: MarkSpec) =>
  spec.kind !== 'person' &&
  spec.kind !== 'figure' &&
  overlaps(role, spec) &&
  role.start <= spec.start &&
  spec.end <= role.end;

/** Specs grouped by block, blocks in the order they first appear, specs in their order. */
export function byBlock(specs: readonly MarkSpec[]): Map<number, MarkSpec[]> {
  const groups = new Map<number, MarkSpec[]>();
  for (const spec of specs) {
    const list = groups.get(spec.block);
    if (list) list.push(spec);
    else groups.set(spec.block, [spec]);
  }
  return groups;
}

/**
 * Specs for the name and figure marks, one mark at a time so the caller can pause between them.
 * `figureModelBase` is the index of the first figure's model; `conflictStarts` the mentions whose title
 * the database contradicts. A label is asked of the locale once per distinct text, not once per mark.
 */
export class NameSpecs {
  private readonly labels = new Map<string, string>();

  constructor(
    private readonly analysis: ArticleAnalysis,
    private readonly models: readonly CardModel[],
    private readonly figureModelBase: number,
    private readonly conflictStarts: ReadonlySet<number>,
  ) {}

  /** The spec of one mark, or null when it crosses blocks. */
  of(mark: Mark): MarkSpec | null {
    const span = localSpan(this.analysis.article, mark.start, mark.end);
    if (!span) return null;
    const model = mark.kind === 'figure' ? this.figureModelBase + mark.ref : mark.ref;
    const conflict = this.conflictStarts.has(mark.start);
    return {
      ...span,
      kind: mark.kind,
      id: mark.id,
      model,
      ...(conflict ? { conflict: true } : {}),
      label: this.label(this.models[model]?.label ?? '', mark.kind, conflict),
    };
  }

  private label(name: string, kind: string, conflict: boolean): string {
    const key = `${kind} ${conflict} ${name}`;
    let label = this.labels.get(key);
    if (label === undefined) {
      label = conflict
        ? `${t('markLabel', name, t('kindPerson'))}; ${t('conflictMarkLabel')}`
        : t('markLabel', name, t(KIND_LABEL[kind] ?? ''));
      this.labels.set(key, label);
    }
    return label;
  }
}

/**
 * Marks for role phrases ("the Prime Minister"), each with its own card model that says which office the
 * words name on the date. A phrase that would overlap another mark is left out.
 */
export function roleSpecs(
  analysis: ArticleAnalysis,
  phrases: readonly ResolvedRolePhrase[],
  models: CardModel[],
  taken: readonly MarkSpec[],
  articleDate: string | null,
): MarkSpec[] {
  const takenByBlock = byBlock(taken);
  const specs: MarkSpec[] = [];
  for (const { phrase, context, role } of phrases) {
    const span = localSpan(analysis.article, phrase.start, phrase.end);
    if (!span) continue;
    const inBlock = takenByBlock.get(span.block) ?? [];
    if (inBlock.some((s) => overlaps(s, span) && !displaces(span, s))) continue;
    const model = models.length;
    models.push({
      type: 'entity',
      label: context.entity.name,
      props: {
        kind: 'person',
        name: context.entity.name,
        context,
        articleDate,
        articleSays: { descriptions: [], quotes: [] },
        roleReference: { phrase: phrase.text, role },
      },
    });
    specs.push({
      ...span,
      kind: 'person',
      id: context.entity.id,
      model,
      via: 'role',
      label: t('roleMarkLabel', phrase.text, context.entity.name, t('kindPerson')),
    });
  }
  return specs;
}

/** The name marks no role mark displaces, then the role marks. */
export function withRoleMarks(names: readonly MarkSpec[], roles: readonly MarkSpec[]): MarkSpec[] {
  const rolesByBlock = byBlock(roles);
  const kept = names.filter((s) => !(rolesByBlock.get(s.block) ?? []).some((r) => displaces(r, s)));
  return [...kept, ...roles];
}
