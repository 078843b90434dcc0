/**
 * The shared group-work countdown, for everyone. The time left is worked out on each render from
 * the shared end time and this page's estimate of the server's clock, so every page shows the
 * same time however wrong its own clock is. One interval per display, and a re-render only when
 * the shown second changes.
 */
import { useEffect, useState } from 'preact/hooks';
import { formatRemaining, remainingAt, type TimerSnapshot } from '../../shared/timer';
import { announce } from '../announce';
import { clockOffset, serverNow, useServerClock } from '../clock';
import { useT } from '../i18n';
import { useWall } from '../sync/hooks';
import { beep, setTimerSound, timerSoundOn } from '../timerSound';
import { useWallContext } from '../views/wallContext';
import { ControlToggle } from './ControlToggle';

/** End times this page watched reach zero and has announced: once per page, however many displays. */
const announcedEnds = new Set<number>();
/** End times this page saw with time still left: only those are announced at zero, not old ones. */
const watchedEnds = new Set<number>();

/** Re-renders the caller when the whole second left changes while the timer runs. */
function useSecondTicks(timer: TimerSnapshot): void {
  const [, setShown] = useState(0);
  useEffect(() => {
    if (timer.state !== 'running') return;
    // Four checks a second keep two pages within a quarter second of each other.
    const id = setInterval(() => setShown(Math.ceil(remainingAt(timer, serverNow()) / 1000)), 250);
    return () => clearInterval(id);
  }, [timer.state, timer.endsAt]);
}

export function TimerDisplay({ large = false }: { large?: boolean }) {
  const t = useT();
  const { wall } = useWallContext();
  const timer = useWall(wall, (w) => w.control.timer());
  useServerClock();
  useSecondTicks(timer);
  void clockOffset.value; // re-render when the clock estimate arrives or changes
  const left = remainingAt(timer, serverNow());
  const up = timer.state !== 'idle' && timer.durationMs > 0 && left === 0;
  const endsAt = timer.state === 'running' ? timer.endsAt : null;

  useEffect(() => {
    if (endsAt === null) return;
    if (!up) watchedEnds.add(endsAt);
    else if (watchedEnds.has(endsAt) && !announcedEnds.has(endsAt)) {
      announcedEnds.add(endsAt);
      announce(t('facilitation.timer.upAnnounce'));
      beep();
    }
  }, [endsAt, up, t]);

  if (timer.state === 'idle') return null;
  const stateText = up ? t('facilitation.timer.up') : timer.state === 'running' ? t('facilitation.timer.running') : t('facilitation.timer.paused');
  return (
    <div class={`timer${large ? ' timer--large' : ''}${up ? ' timer--up' : ''}`}>
      <div role="timer" aria-label={t('facilitation.timer.name')} class="timer__clock">
        <span class="timer__time">{formatRemaining(left)}</span>
        <span class="timer__state">
          {up && (
            <span aria-hidden="true" class="timer__icon">
              ⏰{' '}
            </span>
          )}
          {stateText}
        </span>
      </div>
      <ControlToggle label={t('facilitation.timer.sound')} checked={timerSoundOn.value} onChange={setTimerSound} />
    </div>
  );
}
