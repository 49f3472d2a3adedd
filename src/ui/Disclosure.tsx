// A section whose content a button shows and hides (WAI-ARIA disclosure pattern): the button carries
// aria-expanded and controls the content region.
import { useId, useState } from 'react';
import type { ReactNode } from 'react';
import './ui.css';

interface DisclosureProps {
  title: ReactNode;
  defaultOpen?: boolean;
  /** Heading level of the title, so the section fits the page outline. */
  level?: 2 | 3 | 4;
  className?: string | undefined;
  children: ReactNode;
}

export function Disclosure({ title, defaultOpen = true, level = 3, className, children }: DisclosureProps) {
  const [open, setOpen] = useState(defaultOpen);
  const id = useId();
  const Heading = `h${level}` as const;
  return (
    <section className={`ui-disclosure${className === undefined ? '' : ` ${className}`}`}>
      <Heading className="ui-disclosure-heading">
        <button
          type="button"
          className="ui-disclosure-button"
          aria-expanded={open}
          aria-controls={id}
          onClick={() => setOpen((o) => !o)}
        >
          <span className="ui-disclosure-marker" aria-hidden="true">
            {open ? '▾' : '▸'}
          </span>
          {title}
        </button>
      </Heading>
      <div id={id} className="ui-disclosure-content" hidden={!open}>
        {children}
      </div>
    </section>
  );
}
