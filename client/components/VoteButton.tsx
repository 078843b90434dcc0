/**
 * A note's dot vote: while the task's vote is open, give or take back a vote (with my votes on
 * the note and, unless hidden, everyone's); once closed, the result. Nothing while voting is off.
 */
import { useComputed } from '@preact/signals';
import type { Note } from '../../shared/wall';
import { announce } from '../announce';
import { useT } from '../i18n';
import { focusLater, noteSelector } from '../moves';
import { useVotingView } from './useVoting';

/** Enough of the note's text to tell the buttons of different notes apart when heard. */
const LABEL_TEXT_MAX = 60;

export function VoteButton({ note }: { note: Note }) {
  const t = useT();
  const { wall, voterId, view } = useVotingView(note.taskId);
  // This note's counts: re-evaluated when a vote changes the task's counts, re-rendering this
  // button only when its own number changed. What the task's buttons share is read as
  // booleans, so only a flip (the last vote used up, the vote closed) re-renders them all.
  const count = useComputed(() => view.counts.value.get(note.id) ?? 0).value;
  const mine = useComputed(() => view.mine.value.get(note.id) ?? 0).value;
  const state = view.state.value;
  const showCount = view.showCount.value;
  const mayVote = view.mayVote.value;
  const noneLeft = view.noneLeft.value;
  if (state === 'off') return null;
  const countText = <span class="vote__count">{t.plural('facilitation.vote.count', count)}</span>;
  if (state === 'closed') return <span class="vote vote--result">{countText}</span>;

  // A focused button that goes away or is disabled would drop the keyboard user's focus on the
  // page's body: the other vote button of the same note takes it instead.
  const focusOnNote = (which: 'vote' | 'unvote') => focusLater(`${noteSelector(note.id)} [data-focus="${which}"]`);
  const label = note.text.length > LABEL_TEXT_MAX ? `${note.text.slice(0, LABEL_TEXT_MAX)}…` : note.text;
  return (
    <span class="vote">
      {showCount && countText}
      {mine > 0 && <span class="vote__mine">{t('facilitation.vote.mine', { n: mine })}</span>}
      {mayVote && (
        <>
          <button
            type="button"
            class="button button--small"
            data-focus="vote"
            aria-label={t('facilitation.vote.giveTo', { note: label })}
            disabled={noneLeft}
            onClick={() => {
              // Read when clicked: the button does not re-render for every vote left.
              const left = view.left.peek();
              if (!wall.votes.cast(note.taskId, note.id, voterId)) return;
              announce(t('facilitation.vote.gave', { n: left - 1 }));
              if (left === 1) focusOnNote('unvote');
            }}
          >
            <span aria-hidden="true">+</span> {t('facilitation.vote.give')}
          </button>
          {mine > 0 && (
            <button
              type="button"
              class="button button--small button--quiet"
              data-focus="unvote"
              aria-label={t('facilitation.vote.takeBackFrom', { note: label })}
              onClick={() => {
                const left = view.left.peek();
                if (!wall.votes.retract(note.taskId, note.id, voterId)) return;
                announce(t('facilitation.vote.tookBack', { n: left + 1 }));
                if (mine === 1) focusOnNote('vote');
              }}
            >
              <span aria-hidden="true">–</span> {t('facilitation.vote.takeBack')}
            </button>
          )}
        </>
      )}
    </span>
  );
}
