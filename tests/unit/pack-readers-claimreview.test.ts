import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Entity } from '../../core/model';
import { readClaimReviewFile } from '../../scripts/lib/build/entity-inputs';
import { claimReviewsInHtml, type ReviewedClaim } from '../../scripts/lib/readers/claimreview';
import { claimAuthorFragments, claimRecords } from '../../scripts/lib/readers/claimreview-records';
import { SpeakerResolver } from '../../scripts/lib/resolve-speaker';

const fixture = (name: string) =>
  fileURLToPath(new URL(`../fixtures/packs/claimreview/${name}`, import.meta.url));

describe('ClaimReview reader', () => {
  it('reads a ClaimReview from the JSON-LD of a fact-check page', () => {
    const { claims, problems } = claimReviewsInHtml(
      readFileSync(fixture('fact-check-page.html'), 'utf8'),
      'page',
    );
    expect(problems).toEqual([]);
    expect(claims).toEqual([
      {
        claim: 'The world is flat',
        author: { name: 'Square World Society', kind: 'organization', qid: undefined },
        date: '2016-06-20',
        rating: 'False',
        reviewUrl: 'https://example.com/news/science/worldisflat.html',
        reviewer: 'Example.com science watch',
        reviewDate: '2016-07-01',
        claimUrl: 'https://example.com/news/a122121',
      },
    ]);
  });

  it('reads every item of a DataFeed, whether `item` is a list or an object', () => {
    const { claims } = readClaimReviewFile(fixture('datafeed.json'));
    expect(claims.map((c) => c.reviewUrl)).toEqual([
      'https://factcheck.example.org/2024/03/bridge-cost',
      'https://factcheck.example.org/2024/03/ferry-times',
    ]);
  });

  it("takes the author's Q-id from sameAs, the verdict's words, and the claim's own date", () => {
    const [bridge] = readClaimReviewFile(fixture('datafeed.json')).claims;
    expect(bridge).toMatchObject({
      author: { name: 'Sir Alex Example', kind: 'person', qid: 'Q4115189' },
      rating: 'Mostly false',
      date: '2024-02-28',
      reviewDate: '2024-03-02',
      claimUrl: 'https://news.example.com/2024/02/28/bridge-debate',
    });
  });

  it('gives a numeric verdict on its scale, and dates the claim by its appearance when that is all there is', () => {
    const ferry = readClaimReviewFile(fixture('datafeed.json')).claims[1];
    expect(ferry).toMatchObject({
      rating: '3/5',
      date: '2024-03-01',
      author: { name: 'Jordan Sample', kind: 'person' },
    });
  });

  it('leaves out, and reports, a review that does not say when the claim was made', () => {
    expect(readClaimReviewFile(fixture('datafeed.json')).problems).toEqual([
      'https://factcheck.example.org/2024/03/undated: no date for the claim',
    ]);
  });
});

describe('ClaimReview records', () => {
  const claims = readClaimReviewFile(fixture('datafeed.json')).claims;
  const source = { dataset: 'test', record: '1' };
  const jordan: Entity = {
    id: 'T1',
    kind: 'person',
    name: 'Jordan Sample',
    aliases: [],
    roles: [],
    sources: [source],
  };

  it('makes a statement with the fact-check rating and URL, the review as its source', () => {
    const { statements } = claimRecords(claims, new SpeakerResolver([]));
    expect(statements[0]).toMatchObject({
      speakerId: 'Q4115189',
      quote: 'The new bridge cost twice as much as the old one.',
      date: '2024-02-28',
      source: { url: 'https://factcheck.example.org/2024/03/bridge-cost', publisher: 'Example Fact Check' },
      factCheck: {
        rating: 'Mostly false',
        date: '2024-03-02',
        claimUrl: 'https://news.example.com/2024/02/28/bridge-debate',
      },
    });
  });

  it('gives an author with a Q-id a fragment to merge with the same item from other inputs', () => {
    expect(claimAuthorFragments(claims).map((f) => f.ids)).toEqual([['Q4115189']]);
  });

  it('attributes a claim to the one pack person with the author’s full name', () => {
    const { statements, newEntities } = claimRecords(claims, new SpeakerResolver([jordan]));
    expect(statements[1]?.speakerId).toBe('T1');
    expect(newEntities).toEqual([]);
  });

  it('makes an entity, sourced to the review, for an author the pack does not know', () => {
    const { statements, newEntities } = claimRecords(claims, new SpeakerResolver([]));
    expect(statements[1]?.speakerId).toBe('claimreview:jordan-sample');
    expect(newEntities).toEqual([
      {
        id: 'claimreview:jordan-sample',
        kind: 'person',
        name: 'Jordan Sample',
        aliases: ['Sample'],
        roles: [],
        sources: [
          { url: 'https://factcheck.example.org/2024/03/ferry-times', publisher: 'Example Fact Check' },
        ],
      },
    ]);
  });

  it('does not attribute to a person when two share the name', () => {
    const twin: Entity = { ...jordan, id: 'T2' };
    const { statements } = claimRecords(claims as ReviewedClaim[], new SpeakerResolver([jordan, twin]));
    expect(statements[1]?.speakerId).toBe('claimreview:jordan-sample');
  });
});
