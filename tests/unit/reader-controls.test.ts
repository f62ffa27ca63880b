import { describe, expect, it } from 'vitest';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { PassScope } from '../../entrypoints/article.content/page-watcher';
import { ReaderControls } from '../../entrypoints/article.content/reader-controls';

const hooks = { clear: () => undefined, rerun: async () => undefined };
// watcherScope reads no context: an empty one stands in for the content script's.
const reader = () => new ReaderControls({} as ContentScriptContext, 'example.com', hooks);
const root = { tagName: 'ARTICLE' } as unknown as Element;

describe('reader controls', () => {
  it('hands the watcher its way of dropping the pass’s own mark writes', () => {
    let forgotten = 0;
    const scope: PassScope = { root, keeps: () => true, forgetOwnChanges: () => forgotten++ };
    const narrowed = reader().watcherScope(scope);
    narrowed?.forgetOwnChanges?.();
    expect(forgotten).toBe(1);
    expect(narrowed?.root).toBe(root);
    expect(narrowed?.keeps(root)).toBe(true);
  });

  it('leaves out of the watcher’s scope what the watcher refuses', () => {
    const narrowed = reader().watcherScope({ root, keeps: () => false });
    expect(narrowed?.keeps(root)).toBe(false);
    expect(reader().watcherScope(null)).toBeNull();
  });
});
