import { describe, expect, it } from 'vitest';
import { shortAddress } from '../../client/shortAddress';

describe('shortAddress (a projected link, to read and type)', () => {
  it('drops the scheme, www., a trailing slash, the query and the fragment', () => {
    expect(shortAddress('https://www.example.org/palaute/?x=1#alku')).toBe('example.org/palaute');
    expect(shortAddress('http://example.org/')).toBe('example.org');
  });

  it('keeps a port and the whole path', () => {
    expect(shortAddress('https://intra.fi:8443/videot/ohje')).toBe('intra.fi:8443/videot/ohje');
  });

  it('cuts a long address with an ellipsis at 34 characters', () => {
    const short = shortAddress('https://example.org/a/very/long/path/to/a/document.pdf');
    expect(short).toHaveLength(34);
    expect(short.endsWith('…')).toBe(true);
    expect(short.startsWith('example.org/a/very/long/path/')).toBe(true);
  });

  it('shows an address it cannot parse as it is', () => {
    expect(shortAddress('not a url')).toBe('not a url');
  });
});
