/**
 * Scrolls an element into sight within its nearest scrolling ancestor only. `Element.scrollIntoView` also scrolls
 * every ancestor, including the page itself, which would move the toolbar out of the window.
 */
export function scrollInPanel(el: HTMLElement, align: 'start' | 'nearest' = 'nearest'): void {
  let scroller = el.parentElement;
  while (scroller) {
    const overflow = getComputedStyle(scroller).overflowY;
    if ((overflow === 'auto' || overflow === 'scroll') && scroller.scrollHeight > scroller.clientHeight) break;
    scroller = scroller.parentElement;
  }
  if (!scroller) return;
  const box = el.getBoundingClientRect();
  const view = scroller.getBoundingClientRect();
  const margin = 8;
  if (align === 'start') scroller.scrollTop += box.top - view.top - margin;
  else if (box.top < view.top) scroller.scrollTop += box.top - view.top - margin;
  else if (box.bottom > view.bottom)
    scroller.scrollTop += Math.min(box.bottom - view.bottom + margin, box.top - view.top);
}
