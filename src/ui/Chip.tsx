// A removable chip: a label and a remove button named after it, for chosen filter values and the like.
import './ui.css';

interface ChipProps {
  label: string;
  /** Extra text after the label (e.g. a code), shown smaller. */
  detail?: string | undefined;
  /** Accessible name of the remove button; defaults to "Remove <label>". */
  removeLabel?: string | undefined;
  onRemove: () => void;
}

export function Chip({ label, detail, removeLabel, onRemove }: ChipProps) {
  return (
    <span className="ui-chip">
      <span className="ui-chip-label">
        {label}
        {detail !== undefined && <span className="ui-chip-detail"> {detail}</span>}
      </span>
      <button
        type="button"
        className="ui-chip-remove"
        aria-label={removeLabel ?? `Remove ${label}`}
        title={removeLabel ?? `Remove ${label}`}
        onClick={onRemove}
      >
        <span aria-hidden="true">×</span>
      </button>
    </span>
  );
}
