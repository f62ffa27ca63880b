/**
 * The user-data file: everything the user made (notes, quotes captured from reading) and their settings,
 * as one versioned JSON document. An imported file is untrusted input: it is validated whole before
 * anything is written, so an invalid file changes nothing.
 */
import * as v from 'valibot';
import { parseSourceUrl } from '../sync/source-url';
import { articleUrl, MAX_CAPTURED_QUOTE } from './captured-quote';

export const USER_DATA_FORMAT = 'backstory-user-data';
/** Format versions this code reads. */
export const USER_DATA_VERSION = 1;

const MAX_ROWS = 200_000;
const MAX_NOTE = 5000;

const id = v.pipe(v.string(), v.minLength(1), v.maxLength(200));
const label = v.pipe(v.string(), v.maxLength(300));
const isoTime = v.pipe(v.string(), v.isoTimestamp('must be an ISO time'));
const isoDay = v.pipe(v.string(), v.isoDate('must be a YYYY-MM-DD date'));

const NoteSchema = v.object({
  entityId: id,
  text: v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_NOTE)),
  createdAt: isoTime,
  updatedAt: isoTime,
});

const CapturedQuoteSchema = v.object({
  id,
  speakerId: id,
  speakerName: label,
  text: v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_CAPTURED_QUOTE)),
  date: isoDay,
  url: v.pipe(
    v.string(),
    v.maxLength(4000),
    v.check((url) => articleUrl(url) === url, 'must be an http(s) URL without a fragment'),
  ),
  publisher: label,
  title: label,
  capturedAt: isoTime,
});

const SyncSourceSchema = v.object({
  url: v.pipe(
    v.string(),
    v.check((url) => {
      const parsed = parseSourceUrl(url);
      return parsed.ok && parsed.url === url;
    }, 'must be an https source URL ending in "/"'),
  ),
  enabled: v.boolean(),
  publicKey: v.nullable(v.pipe(v.string(), v.maxLength(200))),
  addedAt: isoTime,
});

/**
 * The settings kept in `browser.storage.local` that belong to the user, by storage key. Machine state
 * (each source's last check, pending requests) is not exported: it describes this browser, not the user.
 */
const SettingsSchema = v.object({
  syncSources: v.optional(v.pipe(v.array(SyncSourceSchema), v.maxLength(100))),
  syncSettings: v.optional(v.object({ checkIntervalMs: v.pipe(v.number(), v.integer(), v.minValue(0)) })),
  captureEnabled: v.optional(v.boolean()),
  // The reader's controls (settings/reader-settings.ts): paused sites by host name, kinds marked, theme.
  readerPausedSites: v.optional(
    v.pipe(
      v.array(v.pipe(v.string(), v.regex(/^[a-z0-9.-]{1,253}$/i, 'must be a host name'))),
      v.maxLength(10_000),
    ),
  ),
  readerMarkKinds: v.optional(
    v.object({
      person: v.optional(v.boolean()),
      organization: v.optional(v.boolean()),
      place: v.optional(v.boolean()),
      figure: v.optional(v.boolean()),
    }),
  ),
  readerTheme: v.optional(v.picklist(['system', 'light', 'dark'], 'must be system, light or dark')),
});

export const UserDataFileSchema = v.object({
  format: v.literal(USER_DATA_FORMAT, 'is not a Backstory user-data file'),
  version: v.literal(USER_DATA_VERSION, `must be format version ${USER_DATA_VERSION}`),
  exportedAt: isoTime,
  notes: v.pipe(v.array(NoteSchema), v.maxLength(MAX_ROWS)),
  capturedQuotes: v.pipe(v.array(CapturedQuoteSchema), v.maxLength(MAX_ROWS)),
  settings: SettingsSchema,
});

export type UserDataFile = v.InferOutput<typeof UserDataFileSchema>;
export type UserDataNote = UserDataFile['notes'][number];
export type UserDataQuote = UserDataFile['capturedQuotes'][number];
export type UserDataSettings = UserDataFile['settings'];

/** What an import wrote, or why it wrote nothing. */
export type UserDataImportResult =
  | { ok: true; notes: number; capturedQuotes: number; settings: string[] }
  | { ok: false; error: string };

/**
 * Validates an imported file. The error names the first wrong field by its path in the file
 * (`notes.3.updatedAt: must be an ISO time`), so the user can see what is wrong with it.
 */
export function parseUserDataFile(
  input: unknown,
): { ok: true; file: UserDataFile } | { ok: false; error: string } {
  // Any other JSON file (a pack manifest, a settings dump) is named as such, not by its first odd field.
  const format = typeof input === 'object' && input !== null ? (input as { format?: unknown }).format : null;
  if (format !== USER_DATA_FORMAT) return { ok: false, error: 'it is not a Backstory user-data file.' };
  const result = v.safeParse(UserDataFileSchema, input);
  if (result.success) return { ok: true, file: result.output };
  const issue = result.issues[0];
  const path = v.getDotPath(issue);
  return { ok: false, error: path ? `${path}: ${issue.message}` : issue.message };
}
