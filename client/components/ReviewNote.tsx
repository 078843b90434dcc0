/**
 * One note in the review: text, colour named in words (never by colour alone), votes, chosen;
 * with review feedback on, the reactions "I agree" and "I recognise this" and comments.
 */
import { useState } from 'preact/hooks';
import type { ReactionKind } from '../../shared/schemas';
import type { Note } from '../../shared/wall';
import { announce } from '../announce';
import { useT } from '../i18n';
import { getParticipantRole } from '../participantRole';
import { getAuthorId } from '../storage';
import { useWall } from '../sync/hooks';
import { useWallContext } from '../views/wallContext';

const KINDS: readonly ReactionKind[] = ['agree', 'recognise'];

export function ReviewNote({ note, votes, feedback }: { note: Note; votes: number; feedback: boolean }) {
  const t = useT();
  const { wall, wallId, profile } = useWallContext();
  const comments = useWall(wall, (w) => w.comments.on(note.id));
  const reactions = useWall(wall, (w) => w.reactions.on(note.id));
  const [text, setText] = useState('');
  const me = getAuthorId();
  const role = getParticipantRole(wallId);

  const send = (e: Event) => {
    e.preventDefault();
    const name = profile?.name ?? null;
    if (!wall.comments.add({ noteId: note.id, text, authorName: name, authorId: name === null ? null : me, authorRole: role })) return;
    setText('');
    announce(t('review.commentSent'));
  };

  return (
    <li class={`review-note note--${note.color}`} data-testid="review-note">
      <article data-note-id={note.id} aria-label={note.text.slice(0, 80)}>
      <p class="review-note__text">{note.text}</p>
      <p class="hint review-note__meta">
        {t(`color.${note.color}`)}
        {votes > 0 && ` · ${t('review.votes', { n: votes })}`}
        {note.chosen && ` · ${t('review.chosen')}`}
      </p>
      {(feedback || reactions.length > 0) && (
        <div class="review-reactions">
          {KINDS.map((kind) => {
            const n = reactions.filter((r) => r.kind === kind).length;
            const label = kind === 'agree' ? t('review.agree') : t('review.recognise');
            const pressed = reactions.some((r) => r.kind === kind && r.reactorId === me);
            return feedback ? (
              <button key={kind} type="button" class="button button--small" aria-pressed={pressed} onClick={() => wall.reactions.toggle(note.id, kind, me, role)}>
                {t('review.reactionCount', { label, n })}
              </button>
            ) : n > 0 ? (
              <span key={kind} class="review-reaction">
                {t('review.reactionCount', { label, n })}
              </span>
            ) : null;
          })}
        </div>
      )}
      {comments.length > 0 && (
        <ul class="review-comments" aria-label={t('review.comments')}>
          {comments.map((c) => (
            <li key={c.id}>{c.text}</li>
          ))}
        </ul>
      )}
      {feedback && (
        <form class="review-comment-form" onSubmit={send}>
          <label for={`comment-${note.id}`} class="sr-only">
            {t('review.commentLabel')}
          </label>
          <input id={`comment-${note.id}`} type="text" value={text} placeholder={t('review.commentLabel')} onInput={(e) => setText(e.currentTarget.value)} />
          <button type="submit" class="button button--small">
            {t('review.commentSend')}
          </button>
        </form>
      )}
      </article>
    </li>
  );
}
