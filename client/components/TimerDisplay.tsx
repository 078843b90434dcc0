/** The shared group-work countdown, for everyone. Stub until the live-controls work lands. */
export function TimerDisplay(_props: { large?: boolean }) {
  return null;
}
