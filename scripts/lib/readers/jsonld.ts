/**
 * schema.org JSON-LD: the blocks of an HTML page, and a walk that finds every node of a type however it is
 * nested (top level, arrays, `@graph`, a DataFeed's `dataFeedElement[].item`, or a property value).
 */
import { decodeEntities } from './html-entities';

export type JsonObject = Record<string, unknown>;

const BLOCK = /<script\b[^>]*\btype\s*=\s*["']?application\/ld\+json["']?[^>]*>([\s\S]*?)<\/script\s*>/gi;

export interface JsonLdBlocks {
  blocks: unknown[];
  /** 1-based positions of blocks that are not valid JSON (they are skipped). */
  invalid: number[];
}

/** Parsed JSON-LD blocks of a page, in document order. */
export function jsonLdBlocks(html: string): JsonLdBlocks {
  const blocks: unknown[] = [];
  const invalid: number[] = [];
  let n = 0;
  for (const m of html.matchAll(BLOCK)) {
    n++;
    const raw = (m[1] ?? '').trim().replace(/^<!\[CDATA\[|\]\]>$/g, '');
    try {
      blocks.push(JSON.parse(raw));
    } catch {
      // Some CMSs HTML-escape the JSON inside the script element.
      try {
        blocks.push(JSON.parse(decodeEntities(raw)));
      } catch {
        invalid.push(n);
      }
    }
  }
  return { blocks, invalid };
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** True when the node's `@type` is `type` (or a list that includes it), with or without a schema.org prefix. */
export function hasType(node: JsonObject, type: string): boolean {
  const types = Array.isArray(node['@type']) ? node['@type'] : [node['@type']];
  return types.some(
    (t) => typeof t === 'string' && t.replace(/^(?:https?:\/\/schema\.org\/|schema:)/, '') === type,
  );
}

/** Every node whose type is one of `types`, depth first in document order. */
export function nodesOfType(root: unknown, types: readonly string[]): JsonObject[] {
  const found: JsonObject[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const v of value) visit(v);
      return;
    }
    if (!isObject(value)) return;
    if (types.some((t) => hasType(value, t))) found.push(value);
    for (const v of Object.values(value)) visit(v);
  };
  visit(root);
  return found;
}

/** A string property, or the first string of a list; `name` of an object value when asked. */
export function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) {
    for (const v of value) {
      const t = text(v);
      if (t) return t;
    }
  }
  return undefined;
}

/** The first object of a value that may be an object or a list of them. */
export function firstObject(value: unknown): JsonObject | undefined {
  if (isObject(value)) return value;
  if (Array.isArray(value)) return value.find(isObject);
  return undefined;
}

/** `YYYY-MM-DD` from an ISO date or date-time as written (the publisher's local date is kept). */
export function isoDay(value: unknown): string | undefined {
  const t = text(value);
  const m = t && /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/.exec(t);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : undefined;
}

/** An http(s) URL, or undefined. */
export function httpUrl(value: unknown): string | undefined {
  const t = text(value);
  return t && /^https?:\/\/\S+$/i.test(t) && t.length <= 2048 ? t : undefined;
}
