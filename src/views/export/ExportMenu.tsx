// The Export menu button (WAI-ARIA menu button): bundle, organizations, gaps and network files, and PNGs of
// the map and network views. Entries that cannot run yet stay listed, disabled, and say why.
//
// data-testids: export-menu (wrapper), export-button, export-list, export-item-<id> for each id of
// EXPORT_IDS (bundle-json, organizations-csv, organizations-geojson, gaps-csv, network-gexf,
// network-graphml, map-png, network-png), export-status (live message after an export).
import { useEffect, useId, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { download } from './download.ts';
import type { ExportId, ExportItem, ExportSources } from './export-items.ts';
import { exportItems } from './export-items.ts';
import './export.css';

/** See `ExportSources` for each field; `className` is added to the wrapper. */
export interface ExportMenuProps extends ExportSources {
  className?: string | undefined;
}

export function ExportMenu(props: ExportMenuProps) {
  const { className, ...sources } = props;
  const items = exportItems(sources);
  // The shared copy's profile (chosen under Copy link), shown on the button.
  const profile = sources.bundle.meta.sharing?.profile;
  const redacted = profile === 'partner' || profile === 'public' ? profile : null;
  const [open, setOpen] = useState(false);
  /** Which entry gets focus when the menu opens or the arrow keys move. */
  const [active, setActive] = useState(0);
  const [busy, setBusy] = useState<ExportId | null>(null);
  const [status, setStatus] = useState('');
  const buttonRef = useRef<HTMLButtonElement>(null);
  const itemRefs = useRef<(HTMLButtonElement | null)[]>([]);
  const wrapperRef = useRef<HTMLDivElement>(null);
  const id = useId();

  useEffect(() => {
    if (open) itemRefs.current[active]?.focus();
  }, [open, active]);

  // A pointer press outside the menu closes it, as for any menu.
  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!(event.target instanceof Node) || wrapperRef.current?.contains(event.target) !== true)
        setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  const openAt = (index: number) => {
    setActive((index + items.length) % items.length);
    setOpen(true);
  };
  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) buttonRef.current?.focus();
  };

  const run = async (item: ExportItem) => {
    if (item.disabledReason !== null || busy !== null) return;
    close(true);
    setBusy(item.id);
    setStatus(`Preparing ${item.label}…`);
    try {
      const result = await item.run();
      if (result === null) {
        setStatus(`${item.label}: the view could not be drawn; show it on screen and try again.`);
      } else {
        download(result.blob, result.filename);
        setStatus(`Saved ${result.filename}.`);
      }
    } catch (error) {
      setStatus(`${item.label} failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setBusy(null);
    }
  };

  const onButtonKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      openAt(0);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      openAt(items.length - 1);
    }
  };

  const onMenuKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const moves: Record<string, number> = {
      ArrowDown: active + 1,
      ArrowUp: active - 1,
      Home: 0,
      End: items.length - 1,
    };
    const next = moves[event.key];
    if (next !== undefined) {
      event.preventDefault();
      setActive((next + items.length) % items.length);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      close(true);
    } else if (event.key === 'Tab') {
      // Tab leaves the menu to the next control, as in a native menu.
      close(false);
    }
  };

  return (
    <div
      ref={wrapperRef}
      className={`export-menu${className === undefined ? '' : ` ${className}`}`}
      data-testid="export-menu"
    >
      <button
        ref={buttonRef}
        type="button"
        className="export-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={`${id}-list`}
        aria-busy={busy !== null}
        data-testid="export-button"
        onClick={() => (open ? close(false) : openAt(0))}
        onKeyDown={onButtonKeyDown}
      >
        {redacted === null ? 'Export' : `Export ${redacted} view`} <span aria-hidden="true">▾</span>
      </button>
      <ul
        id={`${id}-list`}
        role="menu"
        aria-label="Export"
        className="export-list"
        hidden={!open}
        data-testid="export-list"
        onKeyDown={onMenuKeyDown}
      >
        {items.map((item, index) => (
          <li key={item.id} role="none">
            <button
              ref={(element) => {
                itemRefs.current[index] = element;
              }}
              type="button"
              role="menuitem"
              tabIndex={-1}
              className="export-item"
              // Disabled entries stay focusable (aria-disabled, not disabled) so the reason can be read.
              aria-disabled={item.disabledReason !== null}
              title={item.disabledReason === null ? undefined : `${item.label}: ${item.disabledReason}`}
              data-testid={`export-item-${item.id}`}
              onClick={() => void run(item)}
              onMouseEnter={() => setActive(index)}
            >
              <span className="export-item-label">{item.label}</span>
              {item.disabledReason !== null && (
                <span className="export-item-reason">{item.disabledReason}</span>
              )}
            </button>
          </li>
        ))}
      </ul>
      <span className="export-status" role="status" data-testid="export-status">
        {status}
      </span>
    </div>
  );
}
