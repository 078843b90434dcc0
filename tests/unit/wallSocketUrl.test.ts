/** The wall server's WebSocket address, built from the page's origin (client/sync/wallSocketUrl.ts). */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WS_PATH } from '../../shared/protocol';
import { wallSocketUrl } from '../../client/sync/wallSocketUrl';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('wallSocketUrl', () => {
  it('uses wss on an https page, with the host and port kept', () => {
    vi.stubGlobal('location', { origin: 'https://seina.example.fi:8443' });
    expect(wallSocketUrl()).toBe(`wss://seina.example.fi:8443${WS_PATH}`);
  });

  it('uses ws on a plain http page (a LAN address in a workshop room)', () => {
    vi.stubGlobal('location', { origin: 'http://192.168.1.20:3000' });
    expect(wallSocketUrl()).toBe(`ws://192.168.1.20:3000${WS_PATH}`);
  });
});
