/** Ends a Chromium trace started with `transferMode: 'ReturnAsStream'` and reads its events. */
import type { CDPSession } from 'playwright-core';

export async function endTrace<E>(cdp: CDPSession): Promise<E[]> {
  const done = new Promise<string>((resolve) => cdp.once('Tracing.tracingComplete', (e) => resolve(e.stream!)));
  await cdp.send('Tracing.end');
  const stream = await done;
  let text = '';
  for (;;) {
    const chunk = await cdp.send('IO.read', { handle: stream });
    text += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString() : chunk.data;
    if (chunk.eof) break;
  }
  await cdp.send('IO.close', { handle: stream });
  const parsed = JSON.parse(text) as { traceEvents: E[] } | E[];
  return Array.isArray(parsed) ? parsed : parsed.traceEvents;
}
