/**
 * The wall: the process's navigation, the viewed task (what we are doing now, mirror material,
 * starting points) and one column per group for that task; presence, status, and the
 * facilitator's group and process tools. Reads everything from the Y.Doc through useWall on
 * each render.
 */
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import type { RemovedGroup } from '../../shared/wall';
import { announce } from '../announce';
import { AddGroupForm } from '../components/AddGroupForm';
import { AppHeader } from '../components/AppHeader';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { DeleteNotice } from '../components/DeleteNotice';
import { GroupColumn } from '../components/GroupColumn';
import { MirrorPanel } from '../components/MirrorPanel';
import { MoveNoteDialog } from '../components/MoveNoteDialog';
import { PresenceList } from '../components/PresenceList';
import { ProjectorLink } from '../components/ProjectorLink';
import { AfterWorkshopNav } from '../components/AfterWorkshopNav';
import { StartingPoints } from '../components/StartingPoints';
import { TaskNav } from '../components/TaskNav';
import { TaskPanel } from '../components/TaskPanel';
import { TimerDisplay } from '../components/TimerDisplay';
import { StatusBanner } from '../components/StatusBanner';
import { UndoToast, type UndoOffer } from '../components/UndoToast';
import { useT } from '../i18n';
import { focusLater, focusWhenPresent, groupSelector, noteSelector } from '../moves';
import { getAuthorId, getOwnNotes, getPresenceColor } from '../storage';
import { useFollowFocus } from '../sync/followFocus';
import { useAwareness, useWall } from '../sync/hooks';
import { announceRemoteNotes } from '../sync/remoteNotes';
import { lazyPart } from './lazyScreen';
import { useTaskColumns } from './taskColumns';
import { permissions, useWallContext } from './wallContext';

// The facilitator's tools: participants never download them; a facilitator's page fetches them
// once the wall shows, before they are needed.
const ProcessEditor = lazyPart(() => import('../components/ProcessEditor').then((m) => m.ProcessEditor));
const ShareDialog = lazyPart(() => import('../components/ShareDialog').then((m) => m.ShareDialog));

let offerIds = 0;

export function WallView({ onChangeProfile }: { onChangeProfile: () => void }) {
  const t = useT();
  const { session, wall, info, wallId, profile } = useWallContext();
  const can = permissions(info);
  const groups = useWall(wall, (w) => w.groups());
  const allNotes = useWall(wall, (w) => w.notes());
  const isFacilitator = info.role === 'facilitator';
  useFollowFocus(wall);
  const title = useWall(wall, (w) => w.getMeta().title) || info.title;
  const peers = useAwareness(session.awareness);
  const authorId = useMemo(getAuthorId, []);
  // Re-read whenever the notes change: a note just written here was remembered before the change.
  const ownNotes = useMemo(() => getOwnNotes(wallId), [wallId, allNotes]);

  // undefined: the default place; null: the user closed the form; an id: where they chose.
  const [writeIn, setWriteIn] = useState<string | null | undefined>(undefined);
  const [moving, setMoving] = useState<string | null>(null);
  const [removing, setRemoving] = useState<string | null>(null);
  const [sharing, setSharing] = useState(false);
  const [offer, setOffer] = useState<UndoOffer | null>(null);
  const [editingProcess, setEditingProcess] = useState(false);
  // The starting point the user chose to write about: the add form links the new note to it.
  const [originId, setOriginId] = useState<string | null>(null);
  const offerUndo = useCallback((message: string, undo: () => void) => setOffer({ id: ++offerIds, message, undo }), []);

  // A group link fixes the group, whatever the profile says.
  const profileGroupId = can.fixedGroupId ?? profile?.groupId;
  const ownGroupId = profileGroupId && groups.some((g) => g.id === profileGroupId) ? profileGroupId : null;
  // Where the one add-note form is: where the user chose to write, else their own group; a
  // facilitator without a group gets it in the first column.
  const chosen = writeIn && groups.some((g) => g.id === writeIn) && can.canWriteIn(writeIn) ? writeIn : null;
  const formGroupId =
    chosen ?? ownGroupId ?? (info.role === 'facilitator' && writeIn === undefined ? (groups[0]?.id ?? null) : null);

  const { task, notesByGroup, threads, locked, privateView, shownGroups, showAuthors } = useTaskColumns({
    wall,
    t,
    role: info.role,
    groups,
    allNotes,
    ownGroupId,
  });

  useEffect(() => {
    if (!can.canManageGroups) return;
    ProcessEditor.preload();
    ShareDialog.preload();
  }, [can.canManageGroups]);

  // Other people's new notes, summarised in the polite live region.
  useEffect(() => announceRemoteNotes(session), [session]);

  useEffect(() => {
    document.title = t('app.pageTitle', { page: title });
  }, [title, t]);

  useEffect(() => {
    session.setPresence({
      name: profile?.name ?? null,
      groupId: profile?.groupId ?? null,
      role: info.role,
      color: getPresenceColor(),
    });
  }, [session, profile?.name, profile?.groupId, info.role]);

  const canContinue = can.canWrite && !(locked && !isFacilitator);
  const continueFrom = (id: string) => {
    const target = ownGroupId ?? formGroupId ?? groups.find((g) => can.canWriteIn(g.id))?.id ?? null;
    if (!target) return;
    setOriginId(id);
    setWriteIn(target);
    focusLater('[data-testid="add-note-text"]');
  };

  const deleteNote = useCallback(
    (id: string) => {
      const note = wall.getNote(id);
      if (!note) return;
      // Keep the keyboard where the user was: the next note, else the previous, else the group.
      const siblings = wall.notesIn(note.groupId, note.taskId);
      const i = siblings.findIndex((n) => n.id === id);
      const neighbour = siblings[i + 1] ?? siblings[i - 1];
      const removed = wall.deleteNote(id);
      if (!removed) return;
      announce(t('note.deleted'));
      setOffer({
        id: ++offerIds,
        message: t('note.deleted'),
        undo: () => {
          wall.restoreNote(removed);
          announce(t('note.restored'));
          focusLater(noteSelector(removed.id));
        },
      });
      focusLater(neighbour ? noteSelector(neighbour.id) : `${groupSelector(note.groupId)} h2`);
    },
    [wall, t],
  );

  const removeGroup = (id: string) => {
    const removed: RemovedGroup | undefined = wall.removeGroup(id);
    setRemoving(null);
    if (!removed) return;
    const name = removed.group.name;
    announce(t('group.removed', { name }));
    setOffer({
      id: ++offerIds,
      message: t('group.removed', { name }),
      undo: () => {
        wall.restoreGroup(removed);
        announce(t('group.restored', { name }));
        focusLater(`${groupSelector(removed.group.id)} [data-focus="manage"]`);
      },
    });
    focusLater('.toast button');
  };

  const removingGroup = removing ? groups.find((g) => g.id === removing) : undefined;
  // Removing a group takes its notes in every task with it.
  const removingCount = removing ? allNotes.filter((n) => n.groupId === removing).length : 0;
  const ownGroup = groups.find((g) => g.id === ownGroupId);
  const groupLost = info.role === 'participant' && !!profileGroupId && groups.length > 0 && !ownGroupId;

  return (
    <>
      <AppHeader ownGroupHeadingId={ownGroupId ? `group-${ownGroupId}-name` : null}>
        <nav class="wall-nav" aria-label={t('wall.toolbarLabel')}>
          {can.canWrite && (
            <div class="you">
              <span>{profile?.name ? t('profile.named', { name: profile.name }) : t('profile.anonymous')}</span>
              <span class="hint">{ownGroup ? t('profile.group', { group: ownGroup.name }) : t('profile.noGroup')}</span>
            </div>
          )}
          {can.canWrite && (
            <button type="button" class="button button--small" onClick={onChangeProfile}>
              {t('profile.change')}
            </button>
          )}
          {can.canManageGroups && (
            <button type="button" class="button button--small" onClick={() => setSharing(true)}>
              {t('share.button')}
            </button>
          )}
          <ProjectorLink />
          <AfterWorkshopNav />
        </nav>
      </AppHeader>
      <StatusBanner />
      <main id="main" tabIndex={-1} class="wall">
        <div class="wall__top">
          <h1>{title}</h1>
          {!can.canWrite && <p class="notice">{t('wall.viewerNotice')}</p>}
          {info.deleteAt && <DeleteNotice deleteAt={info.deleteAt} />}
          {can.fixedGroupId && ownGroup && <p class="hint">{t('wall.groupFixedHint', { group: ownGroup.name })}</p>}
          {groupLost && (
            <p class="notice">
              {t('wall.groupMissing')}{' '}
              <button type="button" class="button button--small" onClick={onChangeProfile}>
                {t('profile.change')}
              </button>
            </p>
          )}
          {formGroupId && ownGroupId === formGroupId && !(locked && !isFacilitator) && (
            <a class="skip-to-form" href="#add-note">
              {t('wall.jumpToForm')}
            </a>
          )}
          <TimerDisplay />
          <PresenceList peers={peers} groups={groups} />
          {can.canManageGroups && <AddGroupForm groupCount={groups.length} />}
        </div>

        {editingProcess ? (
          <ProcessEditor
            offerUndo={offerUndo}
            onClose={() => {
              setEditingProcess(false);
              focusLater('[data-focus="edit-process"]');
            }}
          />
        ) : (
          <div class="process-bar">
            <TaskNav viewedTaskId={task?.id ?? null} />
            {isFacilitator && (
              <button
                type="button"
                class="button"
                data-focus="edit-process"
                onClick={() => {
                  setEditingProcess(true);
                  focusWhenPresent('#process-editor-title');
                }}
              >
                {t('process.editor.open')}
              </button>
            )}
          </div>
        )}
        {task ? (
          <>
            {/* Keyed by task: their useWall reads depend on the task, and useWall re-reads only on wall changes. */}
            <TaskPanel key={task.id} task={task} locked={locked} privateView={privateView} />
            <MirrorPanel key={task.id} taskId={task.id} offerUndo={offerUndo} />
            <StartingPoints key={task.id} taskId={task.id} onContinue={canContinue ? continueFrom : undefined} />
          </>
        ) : (
          <p class="empty">{t('process.noTasks')}</p>
        )}

        {!task ? null : groups.length === 0 ? (
          // Refused with nothing cached: the banner says it all; "no groups yet" would mislead.
          session.status.value !== 'refused' && <p class="empty empty--wall">{can.canManageGroups ? t('wall.noGroups.facilitator') : t('wall.noGroups.other')}</p>
        ) : (
          <div class="columns" role="list" aria-label={t('wall.groupsLabel')}>
            {shownGroups.map((group) => (
              <div role="listitem" key={group.id} class="columns__item">
                <GroupColumn
                  group={group}
                  notes={notesByGroup.get(group.id) ?? []}
                  position={groups.indexOf(group)}
                  groupCount={groups.length}
                  isOwn={group.id === ownGroupId}
                  formHere={group.id === formGroupId}
                  peers={peers.filter((p) => p.user.groupId === group.id)}
                  authorId={authorId}
                  ownNotes={ownNotes}
                  onWriteHere={setWriteIn}
                  onMoveMenu={setMoving}
                  onDelete={deleteNote}
                  onRemove={setRemoving}
                  taskId={task.id}
                  threads={threads}
                  locked={locked}
                  showAuthors={showAuthors}
                  isExperiment={task.kind === 'experiments'}
                  voting={task.voteState !== 'off'}
                  originId={group.id === formGroupId ? originId : null}
                  onClearOrigin={() => setOriginId(null)}
                />
              </div>
            ))}
          </div>
        )}
        <p id="note-keys-hint" hidden>
          {t('note.keysHint')}
        </p>
        <UndoToast offer={offer} onDone={() => setOffer(null)} />
      </main>

      {moving && <MoveNoteDialog noteId={moving} onClose={() => setMoving(null)} />}
      {sharing && <ShareDialog wallId={wallId} onClose={() => setSharing(false)} />}
      {removingGroup && (
        <ConfirmDialog
          title={t('group.removeConfirm.title', { name: removingGroup.name })}
          confirmLabel={t('group.removeConfirm.confirm')}
          onConfirm={() => removeGroup(removingGroup.id)}
          onCancel={() => setRemoving(null)}
        >
          <p>{removingCount === 0 ? t('group.removeConfirm.empty') : t.plural('group.removeConfirm.notes', removingCount)}</p>
          <p>{t('group.removeConfirm.undoHint')}</p>
        </ConfirmDialog>
      )}
    </>
  );
}
