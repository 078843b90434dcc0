/**
 * The projector screen for plenaries (`/w/:id/projector#token`): the current task's columns of
 * every group side by side, its mirror material, the timer, a join panel, and a slideshow of the
 * notes one at a time.
 * It follows the facilitator's current task live; hidden notes are never shown, author names only
 * when the facilitator shows them, and vote counts once the task's vote is closed.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Note } from '../../shared/wall';
import { announce } from '../announce';
import { JoinPanel } from '../components/JoinPanel';
import { ProjectorColumns } from '../components/ProjectorColumns';
import { focusMirrorOpener, ProjectorMirror } from '../components/ProjectorMirror';
import { ProjectorMirrorShow } from '../components/ProjectorMirrorShow';
import { Slideshow } from '../components/Slideshow';
import { StatusBanner } from '../components/StatusBanner';
import { TimerDisplay } from '../components/TimerDisplay';
import { useT } from '../i18n';
import { useWall } from '../sync/hooks';
import { useWallContext } from './wallContext';

export function ProjectorView() {
  const t = useT();
  const { wall, info } = useWallContext();
  const [slideshow, setSlideshow] = useState(false);
  // The task's mirror material one item at a time over the whole screen, in place of the notes:
  // null when closed, else the item whose whole text was asked for (itemId null: from the first).
  const [mirrorShow, setMirrorShow] = useState<{ itemId: string | null } | null>(null);
  // The mirror column, which the notes' fit collapses to a strip when the notes need its width.
  const mirrorRef = useRef<HTMLElement>(null);
  const title = useWall(wall, (w) => w.getMeta().title) || info.title;
  const task = useWall(wall, (w) => {
    const id = w.control.currentTaskId();
    return (id ? w.process.getTask(id) : undefined) ?? w.process.tasks()[0];
  });
  const workshop = useWall(wall, (w) => (task ? w.process.getWorkshop(task.workshopId) : undefined));
  const groups = useWall(wall, (w) => w.groups());
  const notes = useWall(wall, (w) => (task ? w.notesInTask(task.id).filter((n) => !n.hidden) : []));
  const showAuthors = useWall(wall, (w) => w.control.showAuthors());
  // The projector is seen by the whole room, so private writing keeps the notes off it too.
  const concealed = !!task?.privateWriting;
  useEffect(() => {
    if (concealed) setSlideshow(false);
  }, [concealed]);
  const votes = useWall(wall, (w) => (task?.voteState === 'closed' ? w.votes.counts(task.id) : null));

  // Once a vote is closed its results order each column, most votes first.
  const notesByGroup = useMemo(() => {
    const map = new Map<string, Note[]>();
    for (const note of notes) map.set(note.groupId, [...(map.get(note.groupId) ?? []), note]);
    if (votes) for (const list of map.values()) list.sort((a, b) => (votes.get(b.id) ?? 0) - (votes.get(a.id) ?? 0));
    return map;
  }, [notes, votes]);
  const slides = useMemo(
    () => groups.flatMap((group) => (notesByGroup.get(group.id) ?? []).map((note) => ({ note, group }))),
    [groups, notesByGroup],
  );

  useEffect(() => {
    document.title = t('app.pageTitle', { page: t('projector.pageTitle', { title }) });
  }, [title, t]);

  // The task changes on its own when the facilitator moves on: say so, but not on first load.
  const shownTask = useRef(task?.id);
  useEffect(() => {
    if (!task || shownTask.current === task.id) return;
    shownTask.current = task.id;
    setSlideshow(false);
    setMirrorShow(null);
    announce(t('projector.taskChanged', { task: task.title }));
  }, [task?.id]);

  // Back from the slideshow (button or Escape), the keyboard lands on the button that opened it.
  const toggleRef = useRef<HTMLButtonElement>(null);
  const wasSlideshow = useRef(false);
  useEffect(() => {
    // Not when the material opened large in its place: the keyboard belongs there then.
    if (wasSlideshow.current && !slideshow && !mirrorShow) toggleRef.current?.focus();
    wasSlideshow.current = slideshow;
  }, [slideshow]);

  const toggle = (
    <button
      ref={toggleRef}
      type="button"
      class="button projector__toggle"
      onClick={() => {
        setMirrorShow(null);
        setSlideshow(!slideshow);
      }}
      disabled={!task || concealed}
    >
      {slideshow ? t('projector.columns') : t('projector.slideshow')}
    </button>
  );

  return (
    <div class="projector">
      <StatusBanner />
      <main id="main" tabIndex={-1} class="projector__main" data-task-id={task?.id}>
        <header class="projector__top">
          <div class="projector__task">
            {workshop && <p class="projector__workshop">{workshop.title}</p>}
            <h1>{task ? task.title : title}</h1>
            {task?.instructions && <p class="projector__instructions">{task.instructions}</p>}
          </div>
          <div class="projector__side">
            <TimerDisplay large />
            {toggle}
          </div>
          <JoinPanel qrSize={148} />
        </header>
        {!task ? (
          <p class="projector__empty">{t('projector.noTask')}</p>
        ) : mirrorShow ? (
          <ProjectorMirrorShow
            taskId={task.id}
            startId={mirrorShow.itemId}
            onClose={() => {
              setMirrorShow(null);
              focusMirrorOpener(mirrorShow.itemId);
            }}
          />
        ) : (
          <div class="projector__body">
            {/* A column at the left, read before the notes it is for; the notes keep the screen's whole height. */}
            <ProjectorMirror
              taskId={task.id}
              sectionRef={mirrorRef}
              onShow={(itemId) => {
                setSlideshow(false);
                setMirrorShow({ itemId });
              }}
            />
            {slideshow && !concealed ? (
              <Slideshow slides={slides} showAuthors={showAuthors} votes={votes} onClose={() => setSlideshow(false)} />
            ) : (
              <ProjectorColumns groups={groups} notesByGroup={notesByGroup} showAuthors={showAuthors} votes={votes} concealed={concealed} beside={mirrorRef} />
            )}
          </div>
        )}
      </main>
    </div>
  );
}
