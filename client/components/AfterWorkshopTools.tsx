/**
 * The facilitator's closing tools: allow comments and reactions while reviewing, freeze the
 * wall (with confirmation), and post follow-up updates on what happened after the workshops.
 */
import { useState } from 'preact/hooks';
import { announce } from '../announce';
import { useT } from '../i18n';
import { useWall } from '../sync/hooks';
import { useWallContext } from '../views/wallContext';
import { ConfirmDialog } from './ConfirmDialog';
import { FollowupList } from './FollowupList';

export function AfterWorkshopTools() {
  const t = useT();
  const { wall } = useWallContext();
  const frozen = useWall(wall, (w) => w.control.frozen());
  const feedback = useWall(wall, (w) => w.control.reviewFeedback());
  const followups = useWall(wall, (w) => w.followups.all());
  const surveyOpen = useWall(wall, (w) => w.feedback.isOpen());
  const answers = useWall(wall, (w) => w.feedback.answers().length);
  const [confirming, setConfirming] = useState(false);
  const [text, setText] = useState('');
  const [url, setUrl] = useState('');

  const setFrozen = (on: boolean) => {
    wall.control.setFrozen(on);
    setConfirming(false);
    announce(on ? t('review.frozenDone') : t('review.unfrozenDone'));
  };
  const post = (e: Event) => {
    e.preventDefault();
    if (!wall.followups.add(text, url || undefined)) return;
    setText('');
    setUrl('');
    announce(t('review.followupAdded'));
  };

  return (
    <section aria-labelledby="after-tools" class="no-print">
      <h2 id="after-tools">{t('review.after')}</h2>
      <label class="choice">
        <input type="checkbox" checked={feedback} onChange={(e) => wall.control.setReviewFeedback(e.currentTarget.checked)} data-testid="allow-feedback" />
        <span>{t('review.allowFeedback')}</span>
      </label>
      <label class="choice">
        <input type="checkbox" checked={surveyOpen} onChange={(e) => wall.feedback.setOpen(e.currentTarget.checked)} data-testid="open-feedback" />
        <span>
          {t('feedback.open')} <span class="hint">({t('feedback.answers', { n: answers })})</span>
        </span>
      </label>
      <p>
        {frozen ? (
          <button type="button" class="button" onClick={() => setFrozen(false)}>
            {t('review.unfreeze')}
          </button>
        ) : (
          <button type="button" class="button button--danger" onClick={() => setConfirming(true)} data-testid="freeze">
            {t('review.freeze')}
          </button>
        )}
      </p>
      {confirming && (
        <ConfirmDialog title={t('review.freezeConfirmTitle')} confirmLabel={t('review.freeze')} onConfirm={() => setFrozen(true)} onCancel={() => setConfirming(false)}>
          <p>{t('review.freezeConfirm')}</p>
        </ConfirmDialog>
      )}

      <h3>{t('review.followups')}</h3>
      {followups.length > 0 && <FollowupList followups={followups} />}
      <form class="card" onSubmit={post}>
        <div class="field">
          <label for="followup-text">{t('review.followupText')}</label>
          <textarea id="followup-text" rows={3} value={text} onInput={(e) => setText(e.currentTarget.value)} required />
        </div>
        <div class="field">
          <label for="followup-url">{t('review.followupUrl')}</label>
          <input id="followup-url" type="url" value={url} onInput={(e) => setUrl(e.currentTarget.value)} />
        </div>
        <button type="submit" class="button button--primary">
          {t('review.followupAdd')}
        </button>
      </form>
    </section>
  );
}
