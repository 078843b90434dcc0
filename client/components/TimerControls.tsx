/** The facilitator's timer buttons: set minutes, start, pause, add time, start over, remove. */
import { useState } from 'preact/hooks';
import { LIMITS } from '../../shared/limits';
import { serverNow, useServerClock } from '../clock';
import { useT } from '../i18n';
import { focusLater } from '../moves';
import { useWall } from '../sync/hooks';
import { useWallContext } from '../views/wallContext';

const MAX_MINUTES = Math.floor(LIMITS.timerMaxMs / 60_000);

export function TimerControls() {
  const t = useT();
  const { wall } = useWallContext();
  const timer = useWall(wall, (w) => w.control.timer());
  const [minutes, setMinutes] = useState('10');
  useServerClock();
  const control = wall.control;
  const set = Number(minutes);
  const valid = Number.isFinite(set) && set > 0 && set <= MAX_MINUTES;
  const has = timer.state !== 'idle';

  return (
    <div class="facilitation__group">
      <form
        class="timer-controls__set"
        onSubmit={(e) => {
          e.preventDefault();
          if (valid) control.setTimer(set * 60_000);
        }}
      >
        <label for="timer-minutes">{t('facilitation.timer.minutes')}</label>
        <input
          id="timer-minutes"
          type="number"
          inputMode="numeric"
          min={1}
          max={MAX_MINUTES}
          step={1}
          value={minutes}
          onInput={(e) => setMinutes(e.currentTarget.value)}
        />
        <button type="submit" class="button" disabled={!valid}>
          {t('facilitation.timer.set')}
        </button>
      </form>
      {!has && <p class="hint">{t('facilitation.timer.none')}</p>}
      {has && (
        <div class="facilitation__buttons">
          {timer.state === 'running' ? (
            <button type="button" class="button" onClick={() => control.pause(serverNow())}>
              {t('facilitation.timer.pause')}
            </button>
          ) : (
            <button type="button" class="button button--primary" onClick={() => control.start(serverNow())}>
              {t('facilitation.timer.start')}
            </button>
          )}
          <button type="button" class="button" onClick={() => control.addMinutes(1, serverNow())}>
            {t('facilitation.timer.addOne')}
          </button>
          <button type="button" class="button" onClick={() => control.addMinutes(5, serverNow())}>
            {t('facilitation.timer.addFive')}
          </button>
          <button type="button" class="button" onClick={() => control.reset()}>
            {t('facilitation.timer.reset')}
          </button>
          <button
            type="button"
            class="button button--quiet"
            onClick={() => {
              control.clearTimer();
              // The timer's buttons go away with it: the focus goes to setting a new time.
              focusLater('#timer-minutes');
            }}
          >
            {t('facilitation.timer.clear')}
          </button>
        </div>
      )}
    </div>
  );
}
