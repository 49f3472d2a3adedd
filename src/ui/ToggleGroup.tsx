// A group of pressed/unpressed buttons choosing one of a few options (point size, drawing quality): a
// labelled group, each option a button with aria-pressed (styled by ui.css's `ui-button`). Spacing class
// names come from the view that places it.
import './ui.css';

interface ToggleGroupProps<Option extends string> {
  /** The group's accessible name. */
  name: string;
  /** The visible label before the buttons. */
  label: string;
  /** A longer explanation of the label, as a tooltip. */
  labelTitle?: string | undefined;
  options: readonly Option[];
  optionLabels: Readonly<Record<Option, string>>;
  value: Option;
  onChange: (option: Option) => void;
  /** A tooltip for each option. */
  optionTitles?: Readonly<Record<Option, string>> | undefined;
  /** Class names the placing view adds (its spacing); the buttons' look is `ui-button`'s. */
  classNames: { group: string; label: string; toggle: string };
  testId?: string | undefined;
  /** Each button's test id is this prefix and its option. */
  optionTestId?: string | undefined;
}

export function ToggleGroup<Option extends string>(props: ToggleGroupProps<Option>) {
  const { classNames } = props;
  return (
    <div className={classNames.group} role="group" aria-label={props.name} data-testid={props.testId}>
      <span className={classNames.label} title={props.labelTitle}>
        {props.label}
      </span>
      {props.options.map((option) => (
        <button
          key={option}
          type="button"
          className={`ui-button ${classNames.toggle}`}
          aria-pressed={props.value === option}
          title={props.optionTitles?.[option]}
          data-testid={props.optionTestId === undefined ? undefined : `${props.optionTestId}${option}`}
          onClick={() => props.onChange(option)}
        >
          {props.optionLabels[option]}
        </button>
      ))}
    </div>
  );
}
