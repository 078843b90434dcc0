/**
 * The calm read-only review: pick a workshop and a task, see every group's notes side by side,
 * search and filter (text, group, colour, chosen, votes). When the facilitator allows it,
 * participants may comment and react ("I agree", "I recognise this"). Follow-up updates at the
 * end. Nothing here keeps copies of the wall: every render reads it through useWall.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { NOTE_COLORS, type NoteColor } from '../../shared/schemas';
import { AppHeader } from '../components/AppHeader';
import { DeleteNotice } from '../components/DeleteNotice';
import { FeedbackForm } from '../components/FeedbackForm';
import { FollowupList } from '../components/FollowupList';
import { ReviewNote } from '../components/ReviewNote';
import { StatusBanner } from '../components/StatusBanner';
import { useT } from '../i18n';
import { useWall } from '../sync/hooks';
import { announceReviewNews } from '../sync/reviewNews';
import { useWallContext } from './wallContext';

export function ReviewView(_props: { onChangeProfile: () => void }) {
  const t = useT();
  const { session, wall, info, wallId, token } = useWallContext();
  const title = useWall(wall, (w) => w.getMeta().title) || info.title;
  const workshops = useWall(wall, (w) => w.process.workshops());
  const tasks = useWall(wall, (w) => w.process.tasks());
  const groups = useWall(wall, (w) => w.groups());
  const notes = useWall(wall, (w) => w.notes());
  const votes = useWall(wall, (w) => w.votes.all());
  const frozen = useWall(wall, (w) => w.control.frozen());
  const followups = useWall(wall, (w) => w.followups.all());
  const surveyOpen = useWall(wall, (w) => w.feedback.isOpen()) && info.role === 'participant';
  // Comments and reactions are for participant links (viewers' updates are never applied).
  // The server refuses participants' writes on a locked wall too: no controls that would be refused.
  const feedback = useWall(wall, (w) => w.control.reviewFeedback() && !w.control.locked()) && info.role !== 'viewer' && !frozen;

  const [workshopId, setWorkshopId] = useState<string>('');
  const [taskId, setTaskId] = useState<string>('');
  const [query, setQuery] = useState('');
  const [groupId, setGroupId] = useState('');
  const [color, setColor] = useState<NoteColor | ''>('');
  const [onlyChosen, setOnlyChosen] = useState(false);
  const [onlyVoted, setOnlyVoted] = useState(false);

  const workshop = workshops.find((w) => w.id === workshopId) ?? workshops[0];
  const workshopTasks = tasks.filter((x) => x.workshopId === workshop?.id);
  const task = workshopTasks.find((x) => x.id === taskId) ?? workshopTasks[0];

  useEffect(() => {
    document.title = t('app.pageTitle', { page: `${t('review.title')} – ${title}` });
  }, [title, t]);

  // Others' new notes, comments and reactions in the task on screen, summarised in the live region.
  const shownTaskId = useRef<string | null>(null);
  shownTaskId.current = task?.id ?? null;
  useEffect(() => announceReviewNews(session, () => shownTaskId.current), [session]);

  const counts = useMemo(() => {
    const map = new Map<string, number>();
    for (const v of votes) map.set(v.noteId, (map.get(v.noteId) ?? 0) + 1);
    return map;
  }, [votes]);
  const needle = query.trim().toLocaleLowerCase();
  const shown = notes.filter(
    (n) =>
      n.taskId === task?.id &&
      !(n.hidden && info.role !== 'facilitator') &&
      (!needle || n.text.toLocaleLowerCase().includes(needle)) &&
      (!groupId || n.groupId === groupId) &&
      (!color || n.color === color) &&
      (!onlyChosen || n.chosen) &&
      (!onlyVoted || (counts.get(n.id) ?? 0) > 0),
  );
  const columns = groups.filter((g) => !groupId || g.id === groupId);

  return (
    <>
      <AppHeader>
        {info.role !== 'viewer' && (
          <nav class="wall-nav" aria-label={t('wall.toolbarLabel')}>
            <a class="button button--small" href={`/w/${encodeURIComponent(wallId)}#${token}`}>
              {t('review.toWall')}
            </a>
          </nav>
        )}
      </AppHeader>
      <StatusBanner />
      <main id="main" tabIndex={-1} class="review">
        <h1>{title}</h1>
        {frozen && <p class="notice">{t('review.frozenNotice')}</p>}
        {info.deleteAt && <DeleteNotice deleteAt={info.deleteAt} />}
        <p class="hint">{t('review.intro')}</p>
        {surveyOpen && <FeedbackForm />}

        <form class="review-filters" role="search" onSubmit={(e) => e.preventDefault()}>
          <div class="field">
            <label for="review-workshop">{t('review.workshop')}</label>
            <select id="review-workshop" value={workshop?.id ?? ''} onChange={(e) => (setWorkshopId(e.currentTarget.value), setTaskId(''))}>
              {workshops.map((w) => (
                <option key={w.id} value={w.id}>
                  {w.title}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="review-task">{t('review.task')}</label>
            <select id="review-task" value={task?.id ?? ''} onChange={(e) => setTaskId(e.currentTarget.value)}>
              {workshopTasks.map((x) => (
                <option key={x.id} value={x.id}>
                  {x.title}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="review-search">{t('review.search')}</label>
            <input id="review-search" type="search" value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
          </div>
          <div class="field">
            <label for="review-group">{t('review.group')}</label>
            <select id="review-group" value={groupId} onChange={(e) => setGroupId(e.currentTarget.value)}>
              <option value="">{t('review.allGroups')}</option>
              {groups.map((g) => (
                <option key={g.id} value={g.id}>
                  {g.name}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="review-color">{t('review.color')}</label>
            <select id="review-color" value={color} onChange={(e) => setColor(e.currentTarget.value as NoteColor | '')}>
              <option value="">{t('review.allColors')}</option>
              {NOTE_COLORS.map((c) => (
                <option key={c} value={c}>
                  {t(`color.${c}`)}
                </option>
              ))}
            </select>
          </div>
          <label class="choice">
            <input type="checkbox" checked={onlyChosen} onChange={(e) => setOnlyChosen(e.currentTarget.checked)} />
            <span>{t('review.onlyChosen')}</span>
          </label>
          <label class="choice">
            <input type="checkbox" checked={onlyVoted} onChange={(e) => setOnlyVoted(e.currentTarget.checked)} />
            <span>{t('review.onlyVoted')}</span>
          </label>
        </form>

        <p role="status" class="review-count" data-testid="review-count">
          {shown.length === 0 && needle ? t('review.noMatches') : t('review.shown', { n: shown.length })}
        </p>

        {task && (
          <section aria-labelledby="review-task-heading">
            <h2 id="review-task-heading">{task.title}</h2>
            {task.instructions && <p class="hint">{task.instructions}</p>}
            <div class="review-columns">
              {columns.map((g) => {
                const mine = shown.filter((n) => n.groupId === g.id);
                return (
                  <section key={g.id} class="review-column" aria-labelledby={`review-group-${g.id}`}>
                    <h3 id={`review-group-${g.id}`}>{g.name}</h3>
                    {mine.length === 0 ? (
                      <p class="hint">{t('review.empty')}</p>
                    ) : (
                      <ul class="review-notes">
                        {mine.map((n) => (
                          <ReviewNote key={n.id} note={n} votes={counts.get(n.id) ?? 0} feedback={feedback} />
                        ))}
                      </ul>
                    )}
                  </section>
                );
              })}
            </div>
          </section>
        )}

        <section aria-labelledby="review-followups" id="followups">
          <h2 id="review-followups">{t('review.followups')}</h2>
          {followups.length === 0 ? (
            <p class="hint">{t('review.followupsNone')}</p>
          ) : (
            <FollowupList followups={followups} />
          )}
        </section>
      </main>
    </>
  );
}
