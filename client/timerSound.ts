/**
 * The short beep at the end of the group-work timer, and whether this browser wants it. Anyone
 * can mute it; the choice is remembered here (localStorage), not on the wall.
 */
import { signal } from '@preact/signals';
import { readLocal, writeLocal } from './storage';

const SOUND_KEY = 'pajaseina:timerSound';

/** On unless this browser turned it off. */
export const timerSoundOn = signal(readLocal(SOUND_KEY) !== false);

export function setTimerSound(on: boolean): void {
  timerSoundOn.value = on;
  writeLocal(SOUND_KEY, on);
}

let context: AudioContext | undefined;

/** Two soft tones. Silently does nothing where audio is unavailable or not yet allowed. */
export function beep(): void {
  if (!timerSoundOn.value) return;
  try {
    context ??= new AudioContext();
    void context.resume();
    const start = context.currentTime;
    for (const [i, freq] of [880, 660].entries()) {
      const osc = context.createOscillator();
      const gain = context.createGain();
      osc.frequency.value = freq;
      const t = start + i * 0.3;
      gain.gain.setValueAtTime(0.0001, t);
      gain.gain.exponentialRampToValueAtTime(0.2, t + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, t + 0.25);
      osc.connect(gain).connect(context.destination);
      osc.start(t);
      osc.stop(t + 0.26);
    }
  } catch {
    /* no Web Audio here: the visual cue and the announcement remain */
  }
}
