/** The note being dragged, shared by the card (drag source) and the columns (drop targets). */
import { signal } from '@preact/signals';

export const dragging = signal<string | null>(null);
