/**
 * A sync source's `index.json` (docs/sync.md): the pack it publishes, the latest full version and the
 * deltas between versions, each with the files to fetch and their size and sha256. The index is untrusted
 * input like any pack file: it is validated here before a single pack file is requested, and its paths
 * can only point below the source's base URL.
 */
import * as v from 'valibot';

/** Index format versions this code reads. */
export const SOURCE_INDEX_FORMAT = 1;

/** The largest index accepted, so a hostile server cannot make the client buffer without end. */
export const MAX_INDEX_BYTES = 4 * 1024 * 1024;

const version = v.pipe(v.string(), v.minLength(1), v.maxLength(64));

/** A path segment: letters, digits, `.`, `_`, `-`, `+`, `@`, never `.` or `..` alone. */
const SEGMENT = /^(?!\.{1,2}$)[A-Za-z0-9._+@-]+$/;

/** A folder below the base URL, `''` or segments each ending in `/` (`full/2026.07.01-ab12cd34/`). */
const folderPath = v.pipe(
  v.string(),
  v.maxLength(300),
  v.check(
    (p) =>
      p === '' ||
      (p.endsWith('/') &&
        p
          .slice(0, -1)
          .split('/')
          .every((s) => SEGMENT.test(s))),
    'must be a relative folder ending in "/", without "." or ".." segments',
  ),
);

/** A file inside an entry's folder: relative, no `..`, no scheme, no leading slash. */
const filePath = v.pipe(
  v.string(),
  v.maxLength(300),
  v.check((p) => p.split('/').every((s) => SEGMENT.test(s)), 'must be a relative path without ".."'),
);

const IndexFileSchema = v.object({
  path: filePath,
  sha256: v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/, 'must be 64 lower-case hex digits')),
  bytes: v.pipe(v.number(), v.integer(), v.minValue(0)),
  /** Records in an NDJSON file, for the progress bar. */
  records: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
});

/** Every entry must list its `manifest.json`; the pack's NDJSON files are listed beside it. */
const files = v.pipe(
  v.array(IndexFileSchema),
  v.minLength(1),
  v.maxLength(64),
  v.check((list) => list.some((f) => f.path === 'manifest.json'), 'must list manifest.json'),
  v.check((list) => new Set(list.map((f) => f.path)).size === list.length, 'lists a path twice'),
);

const FullEntrySchema = v.object({ version, path: folderPath, files });

const DeltaEntrySchema = v.pipe(
  v.object({ from: version, to: version, path: folderPath, files }),
  v.check((d) => d.from !== d.to, 'a delta must go from one version to another'),
);

const SourceIndexSchema = v.object({
  formatVersion: v.literal(SOURCE_INDEX_FORMAT),
  packId: v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, 'must match [a-z0-9._-]')),
  latest: FullEntrySchema,
  deltas: v.pipe(v.array(DeltaEntrySchema), v.maxLength(1000)),
});

export type IndexFile = v.InferOutput<typeof IndexFileSchema>;
export type FullEntry = v.InferOutput<typeof FullEntrySchema>;
export type DeltaEntry = v.InferOutput<typeof DeltaEntrySchema>;
export type SourceIndex = v.InferOutput<typeof SourceIndexSchema>;

/** The `delta` key of a delta pack's manifest.json: the version its records apply to. */
const DeltaMarkerSchema = v.object({ delta: v.optional(v.object({ from: version })) });

function describe(issues: readonly v.BaseIssue<unknown>[]): string {
  return issues
    .map((issue) => {
      const path = issue.path?.map((p) => String(p.key)).join('.');
      const message = issue.received === 'undefined' ? 'missing' : issue.message;
      return path ? `${path}: ${message}` : message;
    })
    .join('; ');
}

/** Validates a parsed index. Throws an Error whose message is the reason (the caller names the file). */
export function parseSourceIndex(json: unknown): SourceIndex {
  const result = v.safeParse(SourceIndexSchema, json);
  if (!result.success) throw new Error(describe(result.issues));
  return result.output;
}

/** The version a delta pack applies to, or null for a full pack. Throws on a malformed `delta` key. */
export function deltaBaseOf(manifestJson: unknown): string | null {
  const result = v.safeParse(DeltaMarkerSchema, manifestJson);
  if (!result.success) throw new Error(describe(result.issues));
  return result.output.delta?.from ?? null;
}

/** Bytes an entry costs to download (what chain selection minimises on ties). */
export function entryBytes(entry: { files: readonly IndexFile[] }): number {
  return entry.files.reduce((sum, f) => sum + f.bytes, 0);
}
