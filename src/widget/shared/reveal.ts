/**
 * Scrolling to what the widget has just focused. The browser's own scroll on focus puts the element at an edge or
 * scrolls just far enough to show it whole, which can leave what stands above it (a field's label, a screen's way
 * back) under the panel's sticky header. Instead the top is kept in view when it can be.
 */

/** The nearest ancestor that scrolls vertically (or may: `overflowing` false), if any. */
function scrollParent(element: HTMLElement, overflowing = true): HTMLElement | null {
  for (let node = element.parentElement; node !== null; node = node.parentElement) {
    const { overflowY } = getComputedStyle(node);
    if ((overflowY === 'auto' || overflowY === 'scroll') && (!overflowing || node.scrollHeight > node.clientHeight)) return node;
  }
  return null;
}

/** The height a scroller's sticky header covers: its scroll-padding-top. */
function stickyHeader(scroller: HTMLElement): number {
  return parseFloat(getComputedStyle(scroller).scrollPaddingTop) || 0;
}

/**
 * Scrolls so that `whole` (the focused element or what contains it) shows whole, the top kept when it can be;
 * `reserved` pixels at the bottom are covered (a sticky bar).
 */
export function revealFromTop(whole: HTMLElement, reserved = 0): void {
  const scroller = scrollParent(whole);
  if (scroller === null) return;
  const box = whole.getBoundingClientRect();
  const bottom = box.bottom - scroller.getBoundingClientRect().top + scroller.scrollTop;
  const room = scroller.clientHeight - reserved;
  // Taller than the room below the sticky header (the scroller's scroll-padding): its top, below the header.
  const header = stickyHeader(scroller);
  scroller.scrollTop = bottom <= room ? 0 : box.height > room - header ? bottom - box.height - header : bottom - room;
}

/**
 * A line that has just appeared under what the user is typing in, partly under a sticky bar at the scroller's
 * foot (`bar`): scrolled up just enough to show it above the bar, never past the sticky header (the scroller's
 * scroll-padding). The panel scrolls itself; the inline widget scrolls with the page. A line out of view
 * altogether is left alone.
 */
export function liftAboveBar(line: HTMLElement, bar: Element | null | undefined): void {
  if (bar === null || bar === undefined) return;
  const scroller = scrollParent(line);
  const view = window.visualViewport;
  const frame = scroller?.getBoundingClientRect() ?? { top: view?.offsetTop ?? 0, bottom: (view?.offsetTop ?? 0) + (view?.height ?? window.innerHeight) };
  const box = line.getBoundingClientRect();
  const barTop = bar.getBoundingClientRect().top;
  if (box.bottom <= barTop || box.top >= frame.bottom) return;
  const header = scroller === null ? 0 : stickyHeader(scroller);
  const lift = Math.min(box.bottom - barTop + LINE_MARGIN, box.top - frame.top - header - LINE_MARGIN);
  if (lift <= 0) return;
  if (scroller === null) window.scrollBy(0, lift);
  else scroller.scrollTop += lift;
}
const LINE_MARGIN = 8;

/** How much of a new screen's focused element must show for the screen to stay at its top: a title and a line. */
const FIRST_LINES = 96;

/**
 * A new screen's focus: the screen shown from its top (the way back, the ticket's number), as long as `target`'s
 * first lines show there; else scrolled to bring its start to a third of the view.
 */
export function revealScreenStart(target: HTMLElement): void {
  // The previous screen's scroll is still there, though this one may not fill the view yet.
  const scroller = scrollParent(target, false);
  if (scroller === null) return;
  const top = target.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop;
  const shown = Math.min(target.offsetHeight, FIRST_LINES);
  scroller.scrollTop = top + shown <= scroller.clientHeight ? 0 : top - scroller.clientHeight / 3;
}
