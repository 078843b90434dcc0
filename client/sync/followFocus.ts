/**
 * "Bring everyone here": when the facilitator's focus counter grows, this page moves to the
 * focused task once and says so politely. Afterwards the user may browse elsewhere again.
 *
 * The counter's value when the page first holds the server's state is the baseline, never a
 * jump: the page opens on the current task anyway, and what IndexedDB or the first sync bring
 * in are old presses, not new ones.
 */
import { useEffect } from 'preact/hooks';
import type { Wall } from '../../shared/wall';
import { announce } from '../announce';
import { translator, language } from '../i18n';
import { useWallContext } from '../views/wallContext';
import { showTask } from './viewedTask';

export function useFollowFocus(wall: Wall): void {
  const { session, info } = useWallContext();
  useEffect(() => {
    const provider = session.provider;
    let seen: number | null = null;
    const check = () => {
      const focus = wall.control.focus();
      if (seen === null) {
        // Updates applied during the first sync arrive before `synced` is set; the 'sync'
        // event that follows takes the baseline from the state they left.
        if (provider.synced) seen = focus.seq;
        return;
      }
      if (focus.seq <= seen) return;
      seen = focus.seq;
      if (focus.taskId === null) return;
      showTask(focus.taskId);
      // The facilitator pressed the button (here or in another tab) and already has feedback.
      if (info.role === 'facilitator') return;
      const task = wall.process.getTask(focus.taskId);
      if (task) announce(translator(language.peek())('facilitation.followed', { task: task.title }));
    };
    check();
    const unobserve = wall.observe(check);
    provider.on('sync', check);
    return () => {
      unobserve();
      provider.off('sync', check);
    };
  }, [wall, session, info.role]);
}
