/**
 * One polite live region for the whole app (rendered by components/Announcer.tsx). Only what
 * the user did themselves is announced: other people's notes arriving would be too noisy.
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
