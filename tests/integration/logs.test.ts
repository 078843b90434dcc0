import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { redactUrl } from '../../server/log';
import { openRawSocket, upgradeStatus } from '../helpers/rawSocket';
import { connectClient, createWall, startServer } from '../helpers/server';

describe('tokens never reach the log', () => {
  it('redacts token= query values and never logs the Authorization header', async () => {
    let log = '';
    const logStream = new Writable({
      write(chunk, _encoding, done) {
        log += chunk.toString();
        done();
      },
    });
    const server = await startServer({ logLevel: 'trace' }, { logStream });
    try {
      const { id, tokens } = await createWall(server.url);
      const bearer = { authorization: `Bearer ${tokens.facilitator}` };
      await fetch(`${server.url}/api/walls/${id}`, { headers: bearer });
      await fetch(`${server.url}/api/walls/${id}/export.json`, { headers: { authorization: `Bearer ${tokens.viewer}` } });
      await fetch(`${server.url}/api/walls/${id}`, { headers: { authorization: 'Bearer WRONGWRONGWRONGWRONGWRONG' } });
      await fetch(`${server.url}/nothing/here?token=${tokens.participant}&x=1`);
      const client = connectClient(server.url, id, tokens.participant);
      await client.synced;
      client.destroy();
      expect(await upgradeStatus(`${server.wsUrl}/${id}?token=${tokens.viewer}x`)).toBe(401);
      const raw = await openRawSocket(server.wsUrl, id, tokens.viewer);
      raw.send('text frames are malformed, and get logged');
      await raw.closed;
    } finally {
      await server.close();
    }

    // The log did capture these requests, with the token replaced.
    expect(log).toContain(`/ws/`);
    expect(log).toContain('token=[redacted]');
    expect(log).toContain('malformed frame');
    for (const line of log.trim().split('\n')) JSON.parse(line);
    expect(log).not.toMatch(/authorization/i);
    expect(log).not.toContain('WRONGWRONG');
    // No base64url run as long as a token appears anywhere (wall ids are 22, tokens 32).
    expect(log).not.toMatch(/[A-Za-z0-9_-]{32}/);
  });

  it('redactUrl handles every position of the parameter', () => {
    expect(redactUrl('/ws/abc?token=s3cret')).toBe('/ws/abc?token=[redacted]');
    expect(redactUrl('/ws/abc?x=1&token=s3cret&y=2')).toBe('/ws/abc?x=1&token=[redacted]&y=2');
    expect(redactUrl('/ws/abc?TOKEN=s3cret')).toBe('/ws/abc?TOKEN=[redacted]');
    expect(redactUrl('/ws/abc?notatoken=1')).toBe('/ws/abc?notatoken=1');
  });
});
