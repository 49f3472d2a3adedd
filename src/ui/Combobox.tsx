// A text input with a list of suggestions (WAI-ARIA combobox with list autocomplete): the input keeps focus,
// aria-activedescendant names the highlighted option, and the keys follow comboboxKey. Generic: the caller
// supplies the options, how to render them and what picking one does.
import { useEffect, useId, useRef, useState } from 'react';
import type { KeyboardEvent, ReactNode } from 'react';
import { clampActive, comboboxKey } from './combobox-state.ts';
import type { ComboboxState } from './combobox-state.ts';
import './ui.css';

export interface ComboboxProps<T> {
  /** Visible label of the input. */
  label: string;
  /** Hide the label visually (it stays the input's accessible name). */
  hideLabel?: boolean;
  inputValue: string;
  onInputChange: (text: string) => void;
  options: readonly T[];
  optionKey: (option: T) => string;
  renderOption: (option: T) => ReactNode;
  onPick: (option: T) => void;
  /** Keep the list open after a pick, to choose several in a row. */
  keepOpenOnPick?: boolean;
  placeholder?: string | undefined;
  /** Shown in the list when it is open with text typed and nothing matches. */
  emptyText?: string | undefined;
  /** Read out after the options change, e.g. "12 results". */
  statusText?: string | undefined;
  /** Shown under the input and linked with aria-describedby. */
  hint?: string | undefined;
  /** Open the list on focus even with no text (for short lists worth browsing). */
  openOnFocus?: boolean;
  testId?: string | undefined;
  listTestId?: string | undefined;
  className?: string | undefined;
}

export function Combobox<T>({
  label,
  hideLabel = false,
  inputValue,
  onInputChange,
  options,
  optionKey,
  renderOption,
  onPick,
  keepOpenOnPick = false,
  placeholder,
  emptyText,
  statusText,
  hint,
  openOnFocus = false,
  testId,
  listTestId,
  className,
}: ComboboxProps<T>) {
  const baseId = useId();
  const inputId = `${baseId}-input`;
  const listId = `${baseId}-list`;
  const hintId = `${baseId}-hint`;
  const optionId = (i: number) => `${baseId}-option-${i}`;
  const [state, setState] = useState<ComboboxState>({ open: false, active: -1 });
  const listRef = useRef<HTMLUListElement>(null);

  const active = clampActive(state.active, options.length);
  const showEmpty = state.open && options.length === 0 && inputValue.trim() !== '' && emptyText !== undefined;
  const expanded = state.open && options.length > 0;

  useEffect(() => {
    if (!expanded || active < 0) return;
    // The input keeps focus, so the browser does not scroll the highlighted option into view by itself.
    const element = listRef.current?.children[active];
    if (element instanceof HTMLElement) element.scrollIntoView({ block: 'nearest' });
  }, [expanded, active]);

  const pick = (index: number) => {
    const option = options[index];
    if (option === undefined) return;
    setState(keepOpenOnPick ? { open: true, active: index } : { open: false, active: -1 });
    onPick(option);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.nativeEvent.isComposing) return;
    if (event.key === 'Tab') {
      setState({ open: false, active: -1 });
      return;
    }
    const action = comboboxKey(
      { open: expanded, active },
      event.key,
      options.length,
      inputValue !== '',
      !keepOpenOnPick,
    );
    if (action.type === 'none') return;
    // Handled keys stop here: an Escape that closes the list must not also close the panel around it.
    event.preventDefault();
    event.stopPropagation();
    if (action.type === 'pick') pick(action.index);
    else {
      setState(action.state);
      if (action.type === 'clear') onInputChange('');
    }
  };

  return (
    <div className={`ui-combobox${className === undefined ? '' : ` ${className}`}`}>
      <label htmlFor={inputId} className={hideLabel ? 'ui-visually-hidden' : 'ui-combobox-label'}>
        {label}
      </label>
      <input
        id={inputId}
        type="text"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
        aria-describedby={hint === undefined ? undefined : hintId}
        placeholder={placeholder}
        value={inputValue}
        data-testid={testId}
        onChange={(event) => {
          setState({ open: true, active: 0 });
          onInputChange(event.target.value);
        }}
        onFocus={() => {
          if (openOnFocus || inputValue !== '') setState((s) => ({ ...s, open: true }));
        }}
        onBlur={() => setState({ open: false, active: -1 })}
        onClick={() => setState((s) => ({ ...s, open: true }))}
        onKeyDown={onKeyDown}
      />
      {hint !== undefined && (
        <span id={hintId} className="ui-combobox-hint">
          {hint}
        </span>
      )}
      <ul
        ref={listRef}
        id={listId}
        role="listbox"
        aria-label={label}
        className="ui-combobox-list"
        hidden={!expanded}
        data-testid={listTestId}
      >
        {expanded &&
          options.map((option, i) => (
            <li
              key={optionKey(option)}
              id={optionId(i)}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'ui-combobox-option is-active' : 'ui-combobox-option'}
              // Keep focus in the input, where the keys are handled.
              onMouseDown={(event) => event.preventDefault()}
              onMouseMove={() => {
                if (i !== active) setState({ open: true, active: i });
              }}
              onClick={() => pick(i)}
            >
              {renderOption(option)}
            </li>
          ))}
      </ul>
      {showEmpty && <p className="ui-combobox-empty">{emptyText}</p>}
      <span className="ui-visually-hidden" role="status" aria-live="polite">
        {state.open ? statusText : ''}
      </span>
    </div>
  );
}
