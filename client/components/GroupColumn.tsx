/**
 * One breakout group: heading, who is here, its notes in order, and (for the writer's own
 * group, or where they chose to write) the add-note form. Also a drop target for dragged notes.
 */
import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Group, Note } from '../../shared/wall';
import { useT } from '../i18n';
import { focusLater, groupSelector, moveNoteTo } from '../moves';
import type { Peer } from '../sync/hooks';
import type { ThreadIndex } from '../threadIndex';
import { permissions, useWallContext } from '../views/wallContext';
import { AddNoteForm } from './AddNoteForm';
import { dragging } from './drag';
import { GroupControls } from './GroupControls';
import { NEAR_ONLY_FROM, NearNotes } from './nearNotes';
import { NoteList } from './NoteList';
import { noteListHandlers } from './noteActions';
import { PeerChip } from './PresenceList';

interface Props {
  group: Group;
  notes: Note[];
  position: number;
  groupCount: number;
  isOwn: boolean;
  formHere: boolean;
  peers: Peer[];
  authorId: string;
  /** Anonymous notes written on this device (they carry no author id). */
  ownNotes: ReadonlySet<string>;
  onWriteHere: (groupId: string | null) => void;
  onMoveMenu: (noteId: string) => void;
  onDelete: (noteId: string) => void;
  onRemove: (groupId: string) => void;
  /** The task the column shows: new notes go there. */
  taskId: string;
  threads: ThreadIndex;
  /** Participants may not add, edit, move or delete here now (task or wall locked). */
  locked: boolean;
  showAuthors: boolean;
  isExperiment: boolean;
  /** The task has a dot vote (open or closed): notes show their vote buttons or results. */
  voting: boolean;
  /** The chosen note a new note here continues, if the user picked one. */
  originId: string | null;
  onClearOrigin: () => void;
}

/** Where a drop at `clientY` lands: the id of the note it goes before, or null for the end. */
function dropTarget(list: HTMLUListElement | null, clientY: number, draggedId: string): string | null {
  if (!list) return null;
  for (const article of list.querySelectorAll<HTMLElement>(':scope > li > [data-note-id]')) {
    const id = article.dataset.noteId!;
    if (id === draggedId) continue;
    const r = article.getBoundingClientRect();
    if (clientY < r.top + r.height / 2) return id;
  }
  return null;
}

export function GroupColumn(props: Props) {
  const { group, notes, isOwn, formHere, peers, authorId } = props;
  const t = useT();
  const { wall, info } = useWallContext();
  const can = permissions(info);
  // The facilitator is never locked out; participants are while the task or wall is locked.
  const lockedOut = props.locked && info.role !== 'facilitator';
  const writable = can.canWriteIn(group.id) && !lockedOut;
  const list = useRef<HTMLUListElement>(null);
  const column = useRef<HTMLElement>(null);
  const nearNotes = useMemo(() => new NearNotes(), []);
  // A layout effect: listening must start before the browser first tells the notes' visibility.
  useLayoutEffect(() => nearNotes.listen(column.current!), [nearNotes]);
  const [dropState, setDrop] = useState<{ before: string | null } | null>(null);
  // A drag cancelled outside any column leaves no stale indicator behind.
  const drop = dragging.value ? dropState : null;
  const headingId = `group-${group.id}-name`;
  const cardActions = noteListHandlers({
    wall,
    t,
    canMove: writable,
    canMoveAcross: writable && can.fixedGroupId === null,
    onMoveMenu: props.onMoveMenu,
    onDelete: props.onDelete,
  });

  const onDragOver = (e: DragEvent) => {
    const id = dragging.value;
    if (!id || !writable) return;
    e.preventDefault();
    if (e.dataTransfer) e.dataTransfer.dropEffect = 'move';
    const before = dropTarget(list.current, e.clientY, id);
    if (drop?.before !== before || !drop) setDrop({ before });
  };
  const onDrop = (e: DragEvent) => {
    const id = dragging.value;
    setDrop(null);
    if (!id || !writable) return;
    e.preventDefault();
    dragging.value = null;
    const before = dropTarget(list.current, e.clientY, id);
    const others = notes.filter((n) => n.id !== id);
    const index = before === null ? others.length : others.findIndex((n) => n.id === before);
    moveNoteTo(wall, t, id, group.id, index < 0 ? others.length : index);
  };

  let empty: string;
  if (info.role === 'facilitator') empty = t('group.empty.facilitator');
  else if (isOwn && writable) empty = t('group.empty.own');
  else empty = t('group.empty.other');

  return (
    <section
      ref={column}
      class={`column${isOwn ? ' column--own' : ''}${drop ? ' column--drop' : ''}`}
      data-group-id={group.id}
      aria-labelledby={headingId}
      onDragOver={onDragOver}
      onDragLeave={(e) => {
        if (!(e.currentTarget as HTMLElement).contains(e.relatedTarget as Node | null)) setDrop(null);
      }}
      onDrop={onDrop}
    >
      <header class="column__header">
        <div class="column__title">
          {/* Focusable by script: the "own group" skip link and focus after a deletion land here. */}
          <h2 id={headingId} tabIndex={-1}>
            {group.name}
          </h2>
          {isOwn && <span class="badge">{t('group.own')}</span>}
        </div>
        <p class="column__meta">
          {t.plural('group.noteCount', notes.length)}
          {peers.length > 0 && <> · {t.plural('group.online', peers.length)}</>}
        </p>
        {peers.length > 0 && (
          <ul class="peers peers--compact" aria-label={t('presence.inGroup', { group: group.name })}>
            {peers.map((p) => (
              <PeerChip key={p.clientId} peer={p} />
            ))}
          </ul>
        )}
        {can.canManageGroups && (
          <GroupControls group={group} position={props.position} groupCount={props.groupCount} onRemove={props.onRemove} />
        )}
      </header>

      {notes.length === 0 ? (
        <p class={`empty${drop ? ' empty--drop' : ''}`}>{empty}</p>
      ) : (
        <ul class={`notes${drop && drop.before === null ? ' notes--drop-end' : ''}`} ref={list} {...cardActions}>
          <NoteList
            notes={notes}
            flags={{
              canMove: writable,
              canMoveAcross: writable && can.fixedGroupId === null,
              canRedact: can.canEditAnyNote,
              canChoose: writable,
              canHide: info.role === 'facilitator',
              showAuthors: props.showAuthors,
              isExperiment: props.isExperiment,
              voting: props.voting,
              actionsWhenNear: notes.length >= NEAR_ONLY_FROM,
            }}
            canEdit={(note) =>
              can.canEditAnyNote || (writable && ((note.authorId !== null && note.authorId === authorId) || props.ownNotes.has(note.id)))
            }
            threads={props.threads}
            dropBefore={drop?.before ?? null}
            draggingId={dragging.value}
            nearNotes={nearNotes}
          />
        </ul>
      )}

      {/* An open form stays while the task is locked, so a half-written note is not lost. */}
      {can.canWriteIn(group.id) &&
        (formHere ? (
          <AddNoteForm
            group={group}
            locked={lockedOut}
            taskId={props.taskId}
            originId={props.originId}
            onClearOrigin={props.onClearOrigin}
            onClose={
              isOwn
                ? undefined
                : () => {
                    props.onWriteHere(null);
                    focusLater(`${groupSelector(group.id)} .write-here`);
                  }
            }
          />
        ) : (
          !lockedOut && (
            <button type="button" class="button write-here" onClick={() => props.onWriteHere(group.id)}>
              <span aria-hidden="true">+</span> {t('group.writeHereNamed', { name: group.name })}
            </button>
          )
        ))}
    </section>
  );
}
