/**
 * What the wall shows for the viewed task: the task, its notes per group (hidden ones for the
 * facilitator only, ordered by votes once the votes can be seen), the thread links, and the
 * task settings that shape the columns (locks, private writing, author names).
 */
import { useEffect, useMemo, useRef } from 'preact/hooks';
import type { Role } from '../../shared/schemas';
import type { Group, Note, Wall } from '../../shared/wall';
import { announce } from '../announce';
import { orderByVotes, votesOrderColumns } from '../columnOrder';
import type { Translator } from '../i18n';
import { useWall } from '../sync/hooks';
import { pickedTaskId, useViewedTaskId } from '../sync/viewedTask';
import { threadIndex } from '../threadIndex';

interface Input {
  wall: Wall;
  t: Translator;
  role: Role;
  groups: Group[];
  allNotes: Note[];
  ownGroupId: string | null;
}

export function useTaskColumns({ wall, t, role, groups, allNotes, ownGroupId }: Input) {
  const taskId = useViewedTaskId(wall);
  const tasks = useWall(wall, (w) => w.process.tasks());
  const task = tasks.find((x) => x.id === taskId);
  const votes = useWall(wall, (w) => w.votes.all());
  const wallLocked = useWall(wall, (w) => w.control.locked() || w.control.frozen());
  const showAuthors = useWall(wall, (w) => w.control.showAuthors());
  const isFacilitator = role === 'facilitator';

  // The task changed on its own (the facilitator moved on while this page follows): say so.
  const shownTask = useRef(taskId);
  useEffect(() => {
    const before = shownTask.current;
    shownTask.current = taskId;
    if (before && taskId && before !== taskId && pickedTaskId.peek() === null && task) {
      announce(t('process.nav.followed', { task: task.title }));
    }
  }, [taskId]);

  // Thread links for every note at once; hidden notes are left out for everyone but the facilitator.
  const threads = useMemo(() => threadIndex(allNotes, (n) => isFacilitator || !n.hidden), [allNotes, isFacilitator]);
  const byVotes = votesOrderColumns(task);
  const notesByGroup = useMemo(() => {
    const map = new Map<string, Note[]>();
    for (const note of allNotes) {
      if (note.taskId !== taskId || (note.hidden && !isFacilitator)) continue;
      const list = map.get(note.groupId);
      if (list) list.push(note);
      else map.set(note.groupId, [note]);
    }
    if (byVotes && taskId) {
      const counts = wall.votes.counts(taskId);
      for (const [id, list] of map) map.set(id, orderByVotes(list, counts));
    }
    return map;
  }, [allNotes, taskId, isFacilitator, byVotes, votes, wall]);

  const locked = !!task?.locked || wallLocked;
  // Private writing is a view setting: the notes still reach every device, and the panel says so.
  const privateView = !!task?.privateWriting && role === 'participant' && !!ownGroupId;
  const shownGroups = privateView ? groups.filter((g) => g.id === ownGroupId) : groups;
  return { task, notesByGroup, threads, locked, privateView, shownGroups, showAuthors };
}
