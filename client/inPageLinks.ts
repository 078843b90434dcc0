/**
 * In-page links (skip links such as "Siirry sisältöön" and "Siirry omaan ryhmääsi") move the
 * keyboard focus to their target without touching the URL: on a wall the fragment is the access
 * token, and changing it would reload the page. A target that is not focusable by itself (a
 * heading, say) gets tabindex="-1" so it can take focus.
 */
export function installInPageLinks(): void {
  document.addEventListener('click', (event) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const link = (event.target as Element | null)?.closest?.('a[href^="#"]');
    const id = link?.getAttribute('href')?.slice(1);
    if (!id) return;
    const target = document.getElementById(decodeURIComponent(id));
    if (!target) return;
    event.preventDefault();
    if (target.tabIndex < 0 && !target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
    target.focus();
  });
}
