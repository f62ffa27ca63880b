/** `browser.i18n.getMessage` over the shipped English messages, for component tests. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const messages = JSON.parse(
  readFileSync(
    join(import.meta.dirname, '..', '..', '..', 'public', '_locales', 'en', 'messages.json'),
    'utf8',
  ),
) as Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

export function getMessage(key: string, subs?: string | string[]): string {
  const entry = messages[key];
  if (!entry) return '';
  const list = [subs ?? []].flat();
  return entry.message.replace(/\$([A-Za-z0-9_]+)\$/g, (whole, name: string) => {
    const content = entry.placeholders?.[name.toLowerCase()]?.content;
    return content ? (list[Number(content.slice(1)) - 1] ?? '') : whole;
  });
}
