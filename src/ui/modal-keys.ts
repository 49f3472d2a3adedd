// The keyboard of a modal dialog: Escape closes it, and Tab stays inside it (from the last control it wraps to
// the first, Shift+Tab from the first to the last), as WAI-ARIA's dialog pattern asks.
import type { KeyboardEvent, RefObject } from 'react';

export function modalKeyHandler(dialog: RefObject<HTMLElement | null>, onEscape: () => void) {
  return (event: KeyboardEvent<HTMLElement>) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onEscape();
      return;
    }
    if (event.key !== 'Tab' || dialog.current === null) return;
    const focusable = Array.from(
      dialog.current.querySelectorAll<HTMLElement>('button, select, input, summary, [tabindex="0"]'),
    ).filter((el) => !el.hasAttribute('disabled') && el.closest('[disabled]') === null);
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (first === undefined || last === undefined) return;
    const active = document.activeElement;
    if (event.shiftKey && (active === first || active === dialog.current)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && active === last) {
      event.preventDefault();
      first.focus();
    }
  };
}
