/**
 * "Votes left: N of M" for the task heading, while this person can vote in the task, and a word
 * that the counts show only when the vote closes (when the facilitator hid them).
 */
import { useT } from '../i18n';
import { useVoting } from './useVoting';

export function VotesLeft({ taskId }: { taskId: string }) {
  const t = useT();
  const { mayVote, left, allowance, task } = useVoting(taskId);
  if (!mayVote) return null;
  return (
    <p class={`votes-left${left === 0 ? ' votes-left--none' : ''}`}>
      <span aria-hidden="true" class="votes-left__dots">
        {'●'.repeat(left)}
        {'○'.repeat(Math.max(0, allowance - left))}
      </span>{' '}
      {t('facilitation.votesLeft', { n: left, total: allowance })}
      {left === 0 && <span class="votes-left__none"> {t('facilitation.vote.noneLeft')}</span>}
      {task?.hideVoteCounts && <span class="hint">{t('facilitation.vote.countsHidden')}</span>}
    </p>
  );
}
