// Keyboard behaviour of a list-autocomplete combobox (WAI-ARIA APG), as a pure function of the open state,
// the active option and the key, so that it can be tested without a DOM.

export interface ComboboxState {
  open: boolean;
  /** Index of the active (highlighted) option, or -1 for none. */
  active: number;
}

export type ComboboxAction =
  | { type: 'none' }
  /** The key was handled: prevent its default action. */
  | { type: 'move'; state: ComboboxState }
  | { type: 'pick'; index: number; state: ComboboxState }
  /** Escape on a closed list with text in the input: clear the input. */
  | { type: 'clear'; state: ComboboxState };

/**
 * What a key does. ArrowDown/ArrowUp open the list or move through it, wrapping around; Enter picks the
 * active option; Escape closes the list, or clears the input when the list is already closed; Tab closes
 * the list without being handled (focus moves on as usual). Any other key is left to the input.
 */
export function comboboxKey(
  state: ComboboxState,
  key: string,
  optionCount: number,
  hasText: boolean,
  closeOnPick = true,
): ComboboxAction {
  const active = clampActive(state.active, optionCount);
  switch (key) {
    case 'ArrowDown':
      if (!state.open) return { type: 'move', state: { open: true, active: optionCount > 0 ? 0 : -1 } };
      return {
        type: 'move',
        state: { open: true, active: optionCount === 0 ? -1 : (active + 1) % optionCount },
      };
    case 'ArrowUp':
      if (!state.open || active <= 0) {
        return { type: 'move', state: { open: true, active: optionCount - 1 } };
      }
      return { type: 'move', state: { open: true, active: active - 1 } };
    case 'Enter':
      if (!state.open || active < 0) return { type: 'none' };
      return {
        type: 'pick',
        index: active,
        state: { open: !closeOnPick, active: closeOnPick ? -1 : active },
      };
    case 'Escape':
      if (state.open) return { type: 'move', state: { open: false, active: -1 } };
      return hasText ? { type: 'clear', state: { open: false, active: -1 } } : { type: 'none' };
    default:
      return { type: 'none' };
  }
}

/** The active index kept inside the list when the list shrinks. */
export function clampActive(active: number, optionCount: number): number {
  if (optionCount === 0) return -1;
  return Math.min(Math.max(active, -1), optionCount - 1);
}
