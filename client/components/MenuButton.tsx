/**
 * A button that opens a short menu of actions: the WAI-ARIA menu button pattern. Enter, Space or
 * ArrowDown open it on the first item (ArrowUp on the last), arrows, Home and End move among the
 * items, Escape closes it back onto the button, and Tab, a click or a tap outside close it.
 *
 * The items are the caller's buttons (role menuitem or menuitemcheckbox), so whatever already
 * handles them, such as the column's delegated click handler for note cards, keeps working. The
 * items are built only while the menu is open: a closed menu is one button.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useId, useLayoutEffect, useRef, useState } from 'preact/hooks';
import '../styles/menu-button.css';

interface Props {
  /** The button's accessible name; the button itself shows only "⋯". */
  label: string;
  /** Lets code put the focus back on the button (focusLater). */
  focusName: string;
  children: ComponentChildren;
}

/** Closes the menu open now, if any: one menu is open at a time on the page. */
let closeOpenMenu: (() => void) | null = null;

const ITEMS = '[role^="menuitem"]';

/**
 * Whether the menu, opened below its button, would be cut off by the screen's bottom or by a box
 * that clips it (the columns scroll sideways, so they clip at the bottom too) while it would fit
 * above the button: then it opens upwards.
 */
function opensUp(menu: HTMLElement): boolean {
  let bottom = window.innerHeight;
  let top = 0;
  for (let box = menu.parentElement; box; box = box.parentElement) {
    if (getComputedStyle(box).overflowY === 'visible') continue;
    const r = box.getBoundingClientRect();
    bottom = Math.min(bottom, r.bottom);
    top = Math.max(top, r.top);
  }
  const r = menu.getBoundingClientRect();
  const button = menu.parentElement!.querySelector('button')!.getBoundingClientRect();
  return r.bottom > bottom && button.top - r.height >= top;
}

export function MenuButton({ label, focusName, children }: Props) {
  const [open, setOpen] = useState<'first' | 'last' | null>(null);
  const [up, setUp] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const menuId = useId();

  const close = (focusButton: boolean) => {
    // Focus first: the item that had it is about to leave the page, and Tab goes on from the button.
    if (focusButton) button.current?.focus();
    setOpen(null);
  };
  const items = () => [...(root.current?.querySelectorAll<HTMLElement>(ITEMS) ?? [])];

  useLayoutEffect(() => {
    if (!open) return;
    const all = items();
    (open === 'first' ? all[0] : all[all.length - 1])?.focus();
    const menu = root.current?.querySelector<HTMLElement>('[role="menu"]');
    if (menu) setUp(opensUp(menu));
  }, [open]);

  useEffect(() => {
    if (!open) return;
    const closeThis = () => setOpen(null);
    closeOpenMenu?.();
    closeOpenMenu = closeThis;
    const onOutside = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) closeThis();
    };
    // An item was chosen. Heard on the document, after every other handler: closing takes the
    // item out of the page, and a handler further up that looks for the note around the item
    // (noteActions.ts) would then find none.
    const onChosen = (e: MouseEvent) => {
      const item = (e.target as Element).closest(ITEMS);
      if (item && root.current?.contains(item)) close(true);
    };
    // Capturing: a click that another handler stops on its way still closes the menu.
    document.addEventListener('pointerdown', onOutside, true);
    document.addEventListener('click', onChosen);
    return () => {
      document.removeEventListener('pointerdown', onOutside, true);
      document.removeEventListener('click', onChosen);
      if (closeOpenMenu === closeThis) closeOpenMenu = null;
    };
  }, [!open]);

  const onMenuKey = (e: KeyboardEvent) => {
    const all = items();
    const at = all.indexOf(document.activeElement as HTMLElement);
    const moves: Record<string, number> = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: all.length - 1 };
    if (e.key in moves) all[(moves[e.key]! + all.length) % all.length]?.focus();
    else if (e.key === 'Escape') close(true);
    else if (e.key === 'Tab') return close(true);
    else return;
    e.preventDefault();
    e.stopPropagation();
  };

  return (
    <div
      ref={root}
      class="menu-button"
      onFocusOut={(e) => {
        // The focus left by other means than the menu's own keys (a screen reader, a click elsewhere).
        if (open && !root.current?.contains(e.relatedTarget as Node | null)) setOpen(null);
      }}
    >
      <button
        ref={button}
        type="button"
        class="button button--small menu-button__button"
        aria-label={label}
        aria-haspopup="menu"
        aria-expanded={!!open}
        aria-controls={open ? menuId : undefined}
        data-focus={focusName}
        onClick={() => (open ? close(true) : setOpen('first'))}
        onKeyDown={(e) => {
          if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
          e.preventDefault();
          setOpen(e.key === 'ArrowDown' ? 'first' : 'last');
        }}
      >
        <span aria-hidden="true">⋯</span>
      </button>
      {open && (
        <div
          id={menuId}
          role="menu"
          aria-label={label}
          class={up ? 'menu-button__menu menu-button__menu--up' : 'menu-button__menu'}
          onKeyDown={onMenuKey}
        >
          {children}
        </div>
      )}
    </div>
  );
}
