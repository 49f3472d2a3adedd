// A labelled drop-down choosing one of a few named options (how to sort, what to shade by): the label's
// text, then a native <select>, which keeps the browser's own keyboard and screen-reader behaviour.

interface SelectProps<Option extends string> {
  /** The visible label before the drop-down. */
  label: string;
  value: Option;
  /** Each option's label, in the order they are listed. */
  choices: Readonly<Record<Option, string>>;
  onChange: (option: Option) => void;
  testId?: string | undefined;
  /** Class name the placing view gives the label (its spacing). */
  className?: string | undefined;
}

export function Select<Option extends string>(props: SelectProps<Option>) {
  const options = Object.keys(props.choices) as Option[];
  return (
    <label className={props.className}>
      <span>{props.label}</span>{' '}
      <select
        value={props.value}
        data-testid={props.testId}
        onChange={(event) => props.onChange(event.target.value as Option)}
      >
        {options.map((option) => (
          <option key={option} value={option}>
            {props.choices[option]}
          </option>
        ))}
      </select>
    </label>
  );
}
