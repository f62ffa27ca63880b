import { describe, expect, it } from 'vitest';
import { safeLinkUrl } from '../../core/text/safe-url';
import { SAFE_URLS, UNSAFE_URLS } from '../fixtures/hostile/hostile-inputs';

describe('safeLinkUrl', () => {
  it.each(UNSAFE_URLS)('refuses %j', (url) => {
    expect(safeLinkUrl(url)).toBeUndefined();
  });

  it.each(SAFE_URLS)('accepts $url as $href', ({ url, href }) => {
    expect(safeLinkUrl(url)).toBe(href);
  });

  it('refuses a missing or empty URL', () => {
    expect(safeLinkUrl(undefined)).toBeUndefined();
    expect(safeLinkUrl(null)).toBeUndefined();
    expect(safeLinkUrl('')).toBeUndefined();
  });

  it('sees the scheme the browser sees, after it strips tabs, newlines and leading controls', () => {
    // Each of these is still `javascript:` to the browser, so none may pass a text test and then run.
    for (const url of ['\tjavascript:x', 'jav\r\nascript:x', '\u0000javascript:x', 'JAVASCRIPT:x']) {
      expect(safeLinkUrl(url)).toBeUndefined();
    }
  });
});
