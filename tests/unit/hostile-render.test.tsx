/**
 * Pack text is never interpreted as markup. The card and popup components are rendered with Preact into
 * a DOM (linkedom, the DOM WXT itself uses) with every hostile payload in every field a pack or a page can
 * fill: the payloads come out as text, no element or attribute is created from them, and only http(s)
 * URLs become links.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { type ComponentChild, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { ArticleSummaryView } from '../../components/ArticleSummaryView';
import { CardShell } from '../../components/CardShell';
import { DbStatusView } from '../../components/DbStatusView';
import { EntityCard, type EntityCardProps } from '../../components/EntityCard';
import { FigureCard } from '../../components/FigureCard';
import { PopupApp } from '../../components/PopupApp';
import { StatementList } from '../../components/StatementList';
import type { FigureContext } from '../../core/article/article-context';
import type { Entity, Role, Source, Statement } from '../../core/model';
import { clipText, DISPLAY_LIMITS } from '../../core/text/clip-text';
import type { ArticleSummary, DbStatus } from '../../messaging/protocol';
import { MARKUP_PAYLOADS, ODD_TEXT, SAFE_URLS, UNSAFE_URLS } from '../fixtures/hostile/hostile-inputs';

const ROOT = join(import.meta.dirname, '..', '..');

/** Every element the components create; anything else in the output came from a payload. */
const OWN_TAGS = new Set([
  'DIV',
  'SPAN',
  'P',
  'H1',
  'H2',
  'H3',
  'HEADER',
  'SECTION',
  'UL',
  'LI',
  'Q',
  'STRONG',
  'TIME',
  'A',
  'BUTTON',
]);
/** Every attribute the components set. */
const OWN_ATTRIBUTES = new Set([
  'class',
  'role',
  'aria-label',
  'data-testid',
  'data-kind',
  'type',
  'href',
  'target',
  'rel',
  'datetime',
]);

/** `browser.i18n.getMessage` over the shipped English messages, placeholders filled as Chrome fills them. */
function installMessages(): void {
  const file = join(ROOT, 'public', '_locales', 'en', 'messages.json');
  const messages = JSON.parse(readFileSync(file, 'utf8')) as Record<
    string,
    { message: string; placeholders?: Record<string, { content: string }> }
  >;
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation((key: string, subs?: string | string[]) => {
    const entry = messages[key];
    if (!entry) return '';
    const list = subs === undefined ? [] : [subs].flat();
    // One pass over the message, so a substitution that looks like a placeholder stays as it is.
    return entry.message.replace(/\$([A-Za-z0-9_]+)\$|\$(\d)/g, (whole, name?: string, digit?: string) => {
      const content = name ? entry.placeholders?.[name.toLowerCase()]?.content : `$${digit}`;
      const index = content ? Number(/^\$(\d)$/.exec(content)?.[1]) : Number.NaN;
      return Number.isNaN(index) ? whole : (list[index - 1] ?? '');
    });
  });
}

let container: HTMLElement;

beforeAll(() => {
  const { document } = parseHTML('<!doctype html><html><head></head><body></body></html>');
  // Preact creates elements through the global document.
  vi.stubGlobal('document', document);
});

beforeEach(() => {
  installMessages();
  container = document.createElement('div');
  document.body.append(container);
});

afterEach(() => {
  render(null, container);
  container.remove();
  vi.restoreAllMocks();
});

function show(vnode: ComponentChild): HTMLElement {
  act(() => {
    render(vnode, container);
  });
  return container;
}

/** Only our own elements and attributes under `root`. */
function expectOwnMarkup(root: ParentNode): void {
  for (const el of root.querySelectorAll('*')) {
    expect(OWN_TAGS, `element <${el.tagName.toLowerCase()}>`).toContain(el.tagName);
    for (const attr of el.getAttributeNames()) expect(OWN_ATTRIBUTES, `attribute ${attr}`).toContain(attr);
  }
}

/** The structural proof: only our own elements and attributes, and links only to http(s). */
function expectInert(root: HTMLElement): void {
  expectOwnMarkup(root);
  for (const a of root.querySelectorAll('a')) {
    expect(new URL(a.getAttribute('href') ?? '').protocol).toMatch(/^https?:$/);
    expect(a.getAttribute('rel')).toBe('noopener noreferrer');
  }
  // Serialised and parsed again, the output is still only our markup: nothing a copy could revive.
  const { document: copy } = parseHTML(`<!doctype html><html><body>${root.innerHTML}</body></html>`);
  expectOwnMarkup(copy.body);
}

const PAYLOADS = [...MARKUP_PAYLOADS, ...ODD_TEXT];
const DATE = '2024-07-05';

const source = (payload: string, url?: string): Source => ({
  ...(url === undefined ? {} : { url }),
  publisher: payload,
  dataset: payload,
  record: payload,
});
const role = (payload: string, url?: string): Role => ({
  title: payload,
  from: '2024-01-01',
  source: source(payload, url),
});
const statement = (payload: string, url?: string, n = 0): Statement => ({
  id: `hostile:statement-${n}`,
  speakerId: 'hostile:entity',
  quote: payload,
  date: DATE,
  source: source(payload, url),
  topics: [payload],
});
const entity = (payload: string, url?: string): Entity => ({
  id: 'hostile:entity',
  kind: 'person',
  name: payload,
  aliases: [payload],
  description: payload,
  roles: [role(payload, url)],
  party: payload,
  sources: [source(payload, url)],
});

function entityCard(payload: string, url?: string) {
  const props: EntityCardProps = {
    kind: 'person',
    name: payload,
    context: {
      entity: entity(payload, url),
      roleOnDate: role(payload, url),
      resolvedFor: DATE,
      statements: [statement(payload, url, 1), statement(payload, url, 2)],
      statementCount: 5,
    },
    articleDate: DATE,
    articleSays: { descriptions: [payload], quotes: [payload] },
    roleReference: { phrase: payload, role: role(payload, url) },
    conflicts: [{ stated: payload, held: role(payload, url) }],
  };
  const noop = () => undefined;
  return (
    <CardShell kind="person" label={payload} onClose={noop} onPointerEnter={noop} onPointerLeave={noop}>
      <EntityCard {...props} />
    </CardShell>
  );
}

function unknownCard(payload: string) {
  return (
    <EntityCard
      kind="person"
      name={payload}
      context={null}
      articleDate={DATE}
      articleSays={{ descriptions: [payload, payload], quotes: [payload] }}
    />
  );
}

function figureCard(payload: string) {
  const context: FigureContext = {
    figure: {
      start: 0,
      end: 1,
      text: payload,
      kind: 'money',
      value: 1,
      unit: 'GBP',
      key: payload,
      display: payload,
    },
    occurrences: 2,
    elsewhere: [{ text: payload, sentence: payload, sameQuantity: true }],
  };
  return <FigureCard context={context} />;
}

function summary(payload: string, url?: string): ArticleSummary {
  return {
    url: `https://example.org/${encodeURIComponent(payload)}`,
    title: payload,
    articleDate: DATE,
    entities: [
      { id: 'a', kind: 'person', name: payload, known: true, mentions: 2, role: payload },
      { id: 'b', kind: 'organization', name: payload, known: false, mentions: 1, role: null },
      { id: 'c', kind: 'place', name: payload, known: true, mentions: 1, role: payload },
    ],
    figures: [{ key: payload, text: payload, display: payload, occurrences: 3 }],
    statements: [{ speaker: payload, speakerId: 'hostile:entity', statement: statement(payload, url) }],
    conflicts: [{ entityId: 'a', name: payload, stated: payload, held: role(payload, url) }],
  };
}

const status = (payload: string): DbStatus => ({
  packs: [{ id: 'p', title: payload, version: payload, installedAt: DATE, entities: 1, statements: 1 }],
  entities: 1,
  statements: 1,
  aliases: 1,
  lastUpdated: DATE,
});

describe('hostile pack text renders as inert text', () => {
  it.each(PAYLOADS)('in the person card: %s', (payload) => {
    const root = show(entityCard(payload));
    expectInert(root);
    expect(root.querySelector('[data-testid="card-name"]')?.textContent).toBe(payload);
    expect(root.querySelector('[data-testid="card-description"]')?.textContent).toBe(payload);
    expect(root.querySelector('[data-testid="card-role"] strong')?.textContent).toBe(payload);
    expect([...root.querySelectorAll('[data-testid="statement"] q')].map((q) => q.textContent)).toEqual([
      payload,
      payload,
    ]);
    expect(root.querySelector('[data-testid="card"]')?.getAttribute('aria-label')).toBe(payload);
    expect(root.querySelectorAll('a')).toHaveLength(0);
  });

  it.each(PAYLOADS)('in the card for a name not in the database: %s', (payload) => {
    const root = show(unknownCard(payload));
    expectInert(root);
    expect(root.querySelector('[data-testid="card-name"]')?.textContent).toBe(payload);
    expect(root.querySelector('[data-testid="article-says"] q')?.textContent).toBe(payload);
  });

  it.each(PAYLOADS)('in the figure card: %s', (payload) => {
    const root = show(figureCard(payload));
    expectInert(root);
    expect(root.querySelector('[data-testid="card-name"]')?.textContent).toBe(payload);
    expect(root.querySelector('[data-testid="figure-value"]')?.textContent).toBe(payload);
  });

  it.each(PAYLOADS)('in the popup summary and database status: %s', (payload) => {
    const root = show(
      <div>
        <ArticleSummaryView summary={summary(payload)} />
        <DbStatusView status={status(payload)} />
      </div>,
    );
    expectInert(root);
    expect(root.querySelector('.article-title')?.textContent).toBe(payload);
    expect(root.querySelector('[data-testid="statements"] q')?.textContent).toBe(payload);
    expect(root.querySelector('[data-testid="db-status"] li')?.textContent).toContain(payload);
  });

  it('in the whole popup, once its data has arrived', async () => {
    const payload = MARKUP_PAYLOADS[0] ?? '';
    const summaryPromise = Promise.resolve(summary(payload, 'https://example.org/source'));
    const statusPromise = Promise.resolve(status(payload));
    show(<PopupApp summary={summaryPromise} status={statusPromise} />);
    await act(async () => {
      await Promise.all([summaryPromise, statusPromise]);
    });
    expectInert(container);
    expect(container.querySelector('.article-title')?.textContent).toBe(payload);
    expect(container.querySelectorAll('[data-testid="people"] li')).toHaveLength(1);
  });
});

describe('only http(s) source URLs become links', () => {
  it.each(UNSAFE_URLS)('shows %j as text, never as a link', (url) => {
    const root = show(
      <div>
        {entityCard('Source check', url)}
        <ArticleSummaryView summary={summary('Source check', url)} />
      </div>,
    );
    expectInert(root);
    expect(root.querySelectorAll('a')).toHaveLength(0);
    expect(root.querySelectorAll('[data-testid="statement-source"]').length).toBeGreaterThan(0);
  });

  it('shows a bare unsafe URL as its own text when the source names nothing else', () => {
    const url = UNSAFE_URLS[0] ?? '';
    const root = show(<StatementList statements={[{ ...statement('Quote'), source: { url } }]} />);
    expectInert(root);
    expect(root.querySelector('[data-testid="statement-source"]')?.textContent).toBe(url);
  });

  it.each(SAFE_URLS)('links $url as $href', ({ url, href }) => {
    const root = show(<StatementList statements={[statement('Quote', url)]} />);
    expectInert(root);
    const links = [...root.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual([href]);
    expect(links[0]?.getAttribute('target')).toBe('_blank');
  });
});

describe('long but valid pack text is cut with an ellipsis', () => {
  const long = (n: number) => 'overlong '.repeat(Math.ceil(n / 9)).slice(0, n);

  it('cuts names, descriptions, role titles, quotes and source labels at their display limits', () => {
    const payload = long(4000);
    const root = show(entityCard(payload, 'https://example.org/'));
    expectInert(root);
    const text = (selector: string) => root.querySelector(selector)?.textContent?.trim() ?? '';
    const cases: [string, number][] = [
      ['[data-testid="card-name"]', DISPLAY_LIMITS.name],
      ['[data-testid="card-description"]', DISPLAY_LIMITS.description],
      ['[data-testid="card-role"] strong', DISPLAY_LIMITS.title],
      ['[data-testid="statement"] q', DISPLAY_LIMITS.quote],
      ['[data-testid="statement-source"]', DISPLAY_LIMITS.label],
    ];
    for (const [selector, max] of cases) {
      const shown = text(selector);
      expect(shown, selector).toBe(clipText(payload, max));
      expect(shown.length, selector).toBeLessThanOrEqual(max);
      expect(shown.endsWith('…'), selector).toBe(true);
      expect(payload.startsWith(shown.slice(0, -1)), selector).toBe(true);
    }
  });

  it('cuts the popup’s article title, names and quotes too', () => {
    const payload = long(5000);
    const root = show(<ArticleSummaryView summary={summary(payload)} />);
    expect(root.querySelector('.article-title')?.textContent).toBe(clipText(payload, DISPLAY_LIMITS.title));
    expect(root.querySelector('[data-testid="people"] .name')?.textContent).toBe(
      clipText(payload, DISPLAY_LIMITS.name),
    );
    expect(root.querySelector('[data-testid="statements"] q')?.textContent).toBe(
      clipText(payload, DISPLAY_LIMITS.quote),
    );
  });
});
