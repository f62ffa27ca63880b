/**
 * Runtime validation of pack data with valibot. Pack files are untrusted input: a record that does not
 * match, or that carries no source, is rejected with the file and line it came from.
 */
import * as v from 'valibot';
import type { PackManifest, PackRecord } from '../model';
import { safeLinkUrl } from '../text/safe-url';

const MAX_TEXT = 4000;
const isoDate = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a YYYY-MM-DD date'));
// The text must start with the scheme, and the browser must parse it as an http(s) URL with a host too
// ("https://", "https://exa mple.org" would otherwise pass and show as dead links).
const httpUrl = v.pipe(
  v.string(),
  v.maxLength(2048),
  v.regex(/^https?:\/\//i, 'must be an http(s) URL'),
  v.check((url) => safeLinkUrl(url) !== undefined, 'must be an http(s) URL'),
);
const text = (max = MAX_TEXT) => v.pipe(v.string(), v.maxLength(max));

const SourceSchema = v.pipe(
  v.object({
    url: v.optional(httpUrl),
    dataset: v.optional(text(300)),
    record: v.optional(text(300)),
    publisher: v.optional(text(200)),
    licence: v.optional(text(100)),
  }),
  v.check((s) => Boolean(s.url || (s.dataset && s.record)), 'needs a url, or a dataset and a record id'),
);

const RoleSchema = v.object({
  title: text(300),
  office: v.optional(text(100)),
  country: v.optional(text(8)),
  from: v.optional(isoDate),
  to: v.optional(isoDate),
  asOf: v.optional(isoDate),
  source: SourceSchema,
});

const EntitySchema = v.object({
  type: v.literal('entity'),
  id: text(100),
  kind: v.picklist(['person', 'organization', 'place']),
  name: v.pipe(text(300), v.minLength(1)),
  aliases: v.pipe(v.array(text(300)), v.maxLength(200)),
  description: v.optional(text(1000)),
  roles: v.pipe(v.array(RoleSchema), v.maxLength(500)),
  country: v.optional(text(8)),
  party: v.optional(text(200)),
  externalIds: v.optional(v.record(v.string(), text(200))),
  sources: v.pipe(v.array(SourceSchema), v.minLength(1, 'needs at least one source')),
});

const FactCheckSchema = v.object({
  rating: v.pipe(text(200), v.minLength(1)),
  date: v.optional(isoDate),
  claimUrl: v.optional(httpUrl),
});

const StatementSchema = v.object({
  type: v.literal('statement'),
  id: text(100),
  speakerId: text(100),
  quote: v.pipe(text(), v.minLength(1)),
  date: isoDate,
  source: SourceSchema,
  topics: v.pipe(v.array(text(60)), v.maxLength(50)),
  factCheck: v.optional(FactCheckSchema),
});

/** `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, or two ISO dates joined by a slash. */
const period = v.pipe(
  v.string(),
  v.regex(
    /^(?:\d{4}(?:-\d{2}(?:-\d{2})?)?|\d{4}-\d{2}-\d{2}\/\d{4}-\d{2}-\d{2})$/,
    'must be YYYY, YYYY-MM, YYYY-MM-DD or start/end dates',
  ),
);

const FigureSchema = v.object({
  type: v.literal('figure'),
  id: text(100),
  measure: v.pipe(text(300), v.minLength(1)),
  subjectId: v.optional(text(100)),
  value: v.pipe(v.number(), v.finite()),
  unit: v.pipe(text(40), v.minLength(1)),
  period,
  source: SourceSchema,
});

const TombstoneSchema = v.object({
  type: v.literal('tombstone'),
  id: text(100),
  target: v.picklist(['entity', 'statement', 'figure']),
  date: isoDate,
  reason: v.pipe(text(500), v.minLength(1)),
  source: SourceSchema,
});

const RecordSchema = v.variant('type', [EntitySchema, StatementSchema, FigureSchema, TombstoneSchema]);

const ManifestSchema = v.object({
  formatVersion: v.picklist([1, 2]),
  id: v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9._-]{0,63}$/)),
  version: text(64),
  created: isoDate,
  title: text(200),
  sources: v.array(
    v.object({
      name: text(200),
      url: v.optional(httpUrl),
      licence: text(100),
      attribution: v.optional(text(1000)),
    }),
  ),
  files: v.array(
    v.object({
      path: v.pipe(
        v.string(),
        v.regex(/^[a-z0-9][a-z0-9._/-]*$/i),
        v.check((p) => !p.includes('..')),
      ),
      sha256: v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/)),
      bytes: v.pipe(v.number(), v.integer(), v.minValue(0)),
      records: v.pipe(v.number(), v.integer(), v.minValue(0)),
    }),
  ),
});

export class PackValidationError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | null,
    readonly reason: string,
  ) {
    super(`${file}${line === null ? '' : `:${line}`}: ${reason}`);
    this.name = 'PackValidationError';
  }
}

const PROVENANCE = 'every record needs a source: a url, or a dataset and a record id';

/** "too long: 5000 characters, at most 4000" for an oversized text or list, instead of valibot's wording. */
function tooLong(issue: v.BaseIssue<unknown>): string | null {
  if (issue.type !== 'max_length') return null;
  const unit = Array.isArray(issue.input) ? 'items' : 'characters';
  return `too long: ${issue.received} ${unit}, at most ${String(issue.requirement)}`;
}

function describeIssue(issue: v.BaseIssue<unknown>): string {
  const keys = issue.path?.map((p) => String(p.key)) ?? [];
  const path = keys.join('.');
  // A missing key reads better as "missing" than valibot's 'Invalid key: Expected "source"…'.
  const message = issue.received === 'undefined' ? 'missing' : (tooLong(issue) ?? issue.message);
  const last = keys.at(-1);
  const provenance = (last === 'source' && message === 'missing') || last === 'sources';
  const hint = provenance ? ` (${PROVENANCE})` : '';
  return path ? `${path}: ${message}${hint}` : message;
}

function describe(issues: readonly v.BaseIssue<unknown>[]): string {
  return issues.map(describeIssue).join('; ');
}

export function parseManifest(json: unknown, file = 'manifest.json'): PackManifest {
  const result = v.safeParse(ManifestSchema, json);
  if (!result.success) throw new PackValidationError(file, null, describe(result.issues));
  return result.output as PackManifest;
}

/** Validates one NDJSON line. `line` is 1-based, for the error message. */
export function parseRecordLine(raw: string, file: string, line: number): PackRecord {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new PackValidationError(file, line, 'not valid JSON');
  }
  const result = v.safeParse(RecordSchema, json);
  if (!result.success) throw new PackValidationError(file, line, describe(result.issues));
  return result.output as PackRecord;
}

/** Validates a whole NDJSON file; blank lines are allowed. */
export function parseNdjson(textContent: string, file: string): PackRecord[] {
  const records: PackRecord[] = [];
  const lines = textContent.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]?.trim();
    if (raw) records.push(parseRecordLine(raw, file, i + 1));
  }
  return records;
}
