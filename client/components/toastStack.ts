/**
 * Toasts on screen at once stack instead of covering each other. Each toast is fixed to the
 * bottom of the window, and they live in different places of the page (the wall's in its
 * <main>, the unsaved notes' next to the status banner), so CSS alone cannot line them up: the
 * first shown stays lowest, each later one sits above those before it, and they close ranks
 * when one goes or changes height (its text wrapped on a narrow screen).
 */

/** Space under the lowest toast and between two toasts, px (the CSS default is 1rem). */
const EDGE_PX = 16;
const GAP_PX = 8;

const shown: HTMLElement[] = [];
const resized = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => restack());

function restack(): void {
  let bottom = EDGE_PX;
  for (const toast of shown) {
    toast.style.bottom = `${bottom}px`;
    bottom += toast.offsetHeight + GAP_PX;
  }
}

/** Puts `toast` above the toasts already shown; the returned function takes it out again. */
export function stackToast(toast: HTMLElement): () => void {
  shown.push(toast);
  resized?.observe(toast);
  restack();
  return () => {
    const i = shown.indexOf(toast);
    if (i >= 0) shown.splice(i, 1);
    resized?.unobserve(toast);
    restack();
  };
}
