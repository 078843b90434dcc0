/** The participant's follow-up feedback form: two choices and an optional comment. */
import { useState } from 'preact/hooks';
import { FEEDBACK_CHOICES, FEEDBACK_QUESTIONS, type FeedbackChoice, type FeedbackQuestion } from '../../shared/schemas';
import { announce } from '../announce';
import { useT } from '../i18n';
import { getParticipantRole } from '../participantRole';
import { getAuthorId } from '../storage';
import { useWall } from '../sync/hooks';
import { useWallContext } from '../views/wallContext';

export function FeedbackForm() {
  const t = useT();
  const { wall, wallId } = useWallContext();
  const me = getAuthorId();
  const mine = useWall(wall, (w) => w.feedback.mine(me));
  const [choices, setChoices] = useState<Partial<Record<FeedbackQuestion, FeedbackChoice>>>(() => (mine ? { heard: mine.heard, changed: mine.changed } : {}));
  const [comment, setComment] = useState(mine?.comment ?? '');
  const [message, setMessage] = useState<string | null>(null);

  const send = (e: Event) => {
    e.preventDefault();
    const unanswered = FEEDBACK_QUESTIONS.find((q) => !choices[q]);
    if (unanswered) {
      setMessage(t('feedback.missing'));
      announce(t('feedback.missing'));
      // The keyboard goes to the question still without an answer.
      document.querySelector<HTMLInputElement>(`input[name="feedback-${unanswered}"]`)?.focus();
      return;
    }
    if (!choices.heard || !choices.changed) return;
    wall.feedback.answer({ heard: choices.heard, changed: choices.changed, comment: comment || undefined, respondentId: me, respondentRole: getParticipantRole(wallId) });
    setMessage(t('feedback.sent'));
    announce(t('feedback.sent'));
  };

  return (
    <section aria-labelledby="feedback-heading" class="card feedback-form">
      <h2 id="feedback-heading">{t('feedback.heading')}</h2>
      <p class="hint">{t('feedback.intro')}</p>
      <form onSubmit={send}>
        {FEEDBACK_QUESTIONS.map((q) => (
          <fieldset key={q} class="field choice-list">
            <legend>{t(`feedback.${q}`)}</legend>
            {FEEDBACK_CHOICES.map((c) => (
              <label key={c} class="choice">
                <input type="radio" name={`feedback-${q}`} value={c} checked={choices[q] === c} onChange={() => setChoices({ ...choices, [q]: c })} />
                <span>{t(`feedback.choice.${c}`)}</span>
              </label>
            ))}
          </fieldset>
        ))}
        <div class="field">
          <label for="feedback-comment">{t('feedback.comment')}</label>
          <textarea id="feedback-comment" rows={3} value={comment} onInput={(e) => setComment(e.currentTarget.value)} />
        </div>
        {message && (
          <p class="hint" data-testid="feedback-message">
            {message}
          </p>
        )}
        <button type="submit" class="button button--primary">
          {t('feedback.send')}
        </button>
      </form>
    </section>
  );
}
