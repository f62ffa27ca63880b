/**
 * Reviewed claims → pack records. The claim's author is the statement's speaker: the entity with the
 * author's Wikidata Q-id, else the one person the pack knows by that full name, else a new entity sourced
 * to the fact-check that names them. The statement's source is the fact-check page and its publisher.
 */
import type { Entity, Source, Statement } from '../../../core/model';
import type { Fragment } from '../fragment';
import { deriveAliases } from '../names';
import type { SpeakerResolver } from '../resolve-speaker';
import { statementId } from '../statements';
import { topicsOf } from '../topics';
import type { ReviewedClaim } from './claimreview';

function reviewSource(c: ReviewedClaim): Source {
  return { url: c.reviewUrl, publisher: c.reviewer };
}

function aliasesOf(c: ReviewedClaim): string[] {
  return c.author.kind === 'person' ? deriveAliases(c.author.name) : [c.author.name];
}

/** Fragments for authors the review identifies by Q-id, so they merge with the same item from other inputs. */
export function claimAuthorFragments(claims: readonly ReviewedClaim[]): Fragment[] {
  return claims.flatMap((c) =>
    c.author.qid
      ? [
          {
            ids: [c.author.qid],
            kind: c.author.kind,
            name: c.author.name,
            // Any dataset's name and description outrank a fact-check's byline.
            namePriority: -2,
            aliases: aliasesOf(c),
            roles: [],
            descriptionPriority: -2,
            externalIds: { wikidata: c.author.qid },
            sources: [reviewSource(c)],
          },
        ]
      : [],
  );
}

/** Id of an entity made for an author the pack does not know, from the name as the review writes it. */
export function claimAuthorId(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `claimreview:${slug.slice(0, 80)}`;
}

function speakerOf(c: ReviewedClaim, resolver: SpeakerResolver): string | null {
  if (c.author.qid) return c.author.qid;
  if (c.author.kind !== 'person') return null;
  const ids = new Set(resolver.mentions(c.author.name).map((m) => m.id));
  return ids.size === 1 ? ([...ids][0] ?? null) : null;
}

export interface ClaimRecords {
  statements: Statement[];
  /** Entities for authors the pack does not otherwise know. */
  newEntities: Entity[];
}

export function claimRecords(claims: readonly ReviewedClaim[], resolver: SpeakerResolver): ClaimRecords {
  const statements: Statement[] = [];
  const newEntities = new Map<string, Entity>();
  for (const c of claims) {
    let speakerId = speakerOf(c, resolver);
    if (!speakerId) {
      speakerId = claimAuthorId(c.author.name);
      const entity = newEntities.get(speakerId) ?? {
        id: speakerId,
        kind: c.author.kind,
        name: c.author.name,
        aliases: aliasesOf(c).filter((a) => a !== c.author.name),
        roles: [],
        sources: [],
      };
      if (!entity.sources.some((s) => s.url === c.reviewUrl)) entity.sources.push(reviewSource(c));
      newEntities.set(speakerId, entity);
    }
    statements.push({
      id: statementId(speakerId, c.date, c.claim),
      speakerId,
      quote: c.claim,
      date: c.date,
      source: reviewSource(c),
      topics: topicsOf(c.claim),
      factCheck: { rating: c.rating, date: c.reviewDate, claimUrl: c.claimUrl },
    });
  }
  return { statements, newEntities: [...newEntities.values()] };
}
