/**
 * One polite live region for the whole app (rendered by components/Announcer.tsx). What the
 * user did themselves is announced at once; other people's new notes only as a summary every
 * couple of seconds (sync/remoteNotes.ts), since one announcement per note would be too noisy.
 */
import { signal } from '@preact/signals';

export const announcement = signal('');

let timer: ReturnType<typeof setTimeout> | undefined;

export function announce(message: string): void {
  // Clear first so the same message twice in a row is read again.
  announcement.value = '';
  clearTimeout(timer);
  timer = setTimeout(() => {
    announcement.value = message;
  }, 50);
}
