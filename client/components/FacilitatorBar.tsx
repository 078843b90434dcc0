/** The facilitator's live controls for the task on screen. Stub until the live-controls work lands. */
export function FacilitatorBar(_props: { taskId: string }) {
  return null;
}
