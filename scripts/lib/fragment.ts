/**
 * What each dataset reader produces: a partial view of one entity, keyed by every id the dataset knows for
 * it. `merge-entities.ts` joins fragments that share an id (a Wikidata Q-id, a UK Parliament member id…).
 */
import type { EntityKind, Role, Source } from '../../core/model';

export interface Fragment {
  /** Every id this dataset knows for the entity: a Q-id and/or namespaced ids such as `uk-parliament:4514`. */
  ids: string[];
  kind: EntityKind;
  name: string;
  /** Higher wins when fragments disagree on the display name (Wikidata labels outrank constructed ones). */
  namePriority: number;
  aliases: string[];
  roles: Role[];
  description?: string;
  /** Higher wins for the description and party (a sitting legislator's line outranks a past office). */
  descriptionPriority: number;
  party?: string;
  country?: string;
  externalIds: Record<string, string>;
  sources: Source[];
  /**
   * Only adds ids, names and aliases to an entity another dataset provides (e.g. a 2017 MP from Popolo):
   * a merged group made only of such fragments is left out of the pack.
   */
  supportOnly?: boolean;
}

export interface ReaderResult {
  fragments: Fragment[];
  /** Given names seen in the dataset (raw, one token each). */
  givenNames: string[];
}
