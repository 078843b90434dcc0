/**
 * Which of a note card's actions show as a button and which go into its "⋯" menu. A row of five
 * buttons on every card buried the notes themselves (a wall is read far more than it is edited),
 * so a card shows only the action its viewer uses most:
 * - the facilitator chooses which notes carry forward to the next workshop, so "Valitse jatkoon";
 *   the facilitator may edit every note, but rarely does;
 * - a participant edits their own notes, so "Muokkaa" on those, and "Valitse jatkoon" on the
 *   others where they may choose.
 * The actions are named as their buttons' data-focus (noteActions.ts handles them by that name).
 */
export type CardAction = 'choose' | 'hide' | 'edit' | 'move' | 'delete';

interface Allowed {
  canChoose: boolean;
  /** Only the facilitator may hide a note. */
  canHide: boolean;
  canEdit: boolean;
  canMove: boolean;
}

export function cardActions({ canChoose, canHide, canEdit, canMove }: Allowed): { shown: CardAction | null; inMenu: CardAction[] } {
  const facilitator = canHide;
  let shown: CardAction | null = null;
  if (canChoose && (facilitator || !canEdit)) shown = 'choose';
  else if (canEdit) shown = 'edit';
  const allowed: Record<CardAction, boolean> = { choose: canChoose, hide: canHide, edit: canEdit, move: canMove, delete: canEdit };
  const inMenu = (Object.keys(allowed) as CardAction[]).filter((action) => allowed[action] && action !== shown);
  return { shown, inMenu };
}
