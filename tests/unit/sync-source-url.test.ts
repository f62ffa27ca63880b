import { describe, expect, it } from 'vitest';
import { parseSourceUrl } from '../../core/sync/source-url';

describe('parseSourceUrl', () => {
  it('makes the folder URL and the host permission of an https source', () => {
    expect(parseSourceUrl(' https://packs.example.org/backstory ')).toEqual({
      ok: true,
      url: 'https://packs.example.org/backstory/',
      permission: 'https://packs.example.org/*',
    });
  });

  it('takes a pasted index.json link as its folder and drops query and fragment', () => {
    expect(parseSourceUrl('https://packs.example.org/b/index.json?x=1#top')).toMatchObject({
      url: 'https://packs.example.org/b/',
    });
  });

  it('allows plain http only for a local pack server, on any port', () => {
    expect(parseSourceUrl('http://127.0.0.1:8787/')).toEqual({
      ok: true,
      url: 'http://127.0.0.1:8787/',
      permission: 'http://127.0.0.1/*',
    });
    expect(parseSourceUrl('http://packs.example.org/')).toEqual({ ok: false, reason: 'insecure' });
  });

  it('refuses what is not an http(s) URL, and credentials in the URL', () => {
    expect(parseSourceUrl('packs.example.org')).toEqual({ ok: false, reason: 'invalid' });
    expect(parseSourceUrl('ftp://packs.example.org/')).toEqual({ ok: false, reason: 'invalid' });
    expect(parseSourceUrl('https://user:pw@packs.example.org/')).toEqual({
      ok: false,
      reason: 'credentials',
    });
  });
});
