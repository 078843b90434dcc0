/**
 * This page's estimate of the server's clock. The shared timer stores its end time on the
 * server's clock, so a page whose own clock is wrong (or that joins mid-way) still shows the
 * same countdown once it knows the offset. NTP-style: a few GET /api/time round trips, and the
 * one with the shortest round trip wins, since its answer is the least blurred by network delay.
 */
import { signal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { ServerTime } from '../shared/schemas';

export interface ClockSample {
  /** Local Date.now() when the request left. */
  sentAt: number;
  /** Local Date.now() when the answer arrived. */
  receivedAt: number;
  /** The server's clock in the answer. */
  serverNow: number;
}

/** serverNow - local midpoint of the sample with the shortest round trip; null without samples. */
export function estimateOffset(samples: readonly ClockSample[]): number | null {
  let best: ClockSample | null = null;
  for (const s of samples) {
    if (s.receivedAt < s.sentAt) continue; // the local clock jumped back mid-request
    if (!best || s.receivedAt - s.sentAt < best.receivedAt - best.sentAt) best = s;
  }
  return best ? best.serverNow - (best.sentAt + best.receivedAt) / 2 : null;
}

const SAMPLES = 4;
const REFRESH_MS = 5 * 60_000;

/** serverNow - Date.now(); a signal so a countdown re-renders when the first estimate arrives. */
export const clockOffset = signal(0);
let users = 0;
let refreshTimer: ReturnType<typeof setInterval> | undefined;

/** The server's time now, as well as this page knows it. */
export function serverNow(): number {
  return Date.now() + clockOffset.peek();
}

async function sample(): Promise<ClockSample | null> {
  const sentAt = Date.now();
  try {
    const res = await fetch('/api/time', { cache: 'no-store', signal: AbortSignal.timeout(10_000) });
    const receivedAt = Date.now();
    const parsed = ServerTime.safeParse(await res.json());
    return parsed.success ? { sentAt, receivedAt, serverNow: parsed.data.now } : null;
  } catch {
    return null; // offline: keep the last estimate
  }
}

async function measure(): Promise<void> {
  const samples: ClockSample[] = [];
  // One after another: parallel requests would queue behind each other and inflate round trips.
  for (let i = 0; i < SAMPLES; i++) {
    const s = await sample();
    if (s) samples.push(s);
  }
  const estimate = estimateOffset(samples);
  if (estimate !== null) clockOffset.value = estimate;
}

/** Keeps the estimate fresh while a component that shows server time is mounted. */
export function useServerClock(): void {
  useEffect(() => {
    if (users++ === 0) {
      void measure();
      // Clocks drift, and a laptop that slept may have been corrected since.
      refreshTimer = setInterval(() => void measure(), REFRESH_MS);
    }
    return () => {
      if (--users === 0) clearInterval(refreshTimer);
    };
  }, []);
}
