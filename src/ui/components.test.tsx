import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Chip } from './Chip.tsx';
import { Combobox } from './Combobox.tsx';
import { Disclosure } from './Disclosure.tsx';
import { Select } from './Select.tsx';

const XSS = '<img src=x onerror=alert(1)>';

describe('Chip', () => {
  it('shows its label as text and names its remove button', () => {
    const html = renderToStaticMarkup(<Chip label={XSS} onRemove={() => {}} />);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<img');
    expect(html).toContain('aria-label="Remove &lt;img src=x onerror=alert(1)&gt;"');
  });
});

describe('Disclosure', () => {
  it('has a button with aria-expanded controlling its content', () => {
    const html = renderToStaticMarkup(
      <Disclosure title="Suppliers" defaultOpen={false}>
        <p>rows</p>
      </Disclosure>,
    );
    expect(html).toMatch(/<button[^>]*aria-expanded="false"[^>]*aria-controls="([^"]+)"/);
    const id = /aria-controls="([^"]+)"/.exec(html)![1]!;
    expect(html).toContain(`id="${id}"`);
    expect(html).toMatch(/hidden=""/);
  });
});

describe('Combobox', () => {
  it('renders a labelled combobox input that controls a listbox', () => {
    const html = renderToStaticMarkup(
      <Combobox
        label="Find"
        inputValue={XSS}
        onInputChange={() => {}}
        options={[XSS]}
        optionKey={(o) => o}
        renderOption={(o) => o}
        onPick={() => {}}
        testId="box"
      />,
    );
    expect(html).toMatch(/<input[^>]*role="combobox"/);
    expect(html).toMatch(/aria-expanded="false"/);
    expect(html).toMatch(/aria-autocomplete="list"/);
    expect(html).toMatch(/role="listbox"/);
    expect(html).toMatch(/<label for="[^"]+-input"[^>]*>Find<\/label>/);
    expect(html).toContain('data-testid="box"');
    expect(html).toContain('value="&lt;img src=x onerror=alert(1)&gt;"');
    expect(html).not.toContain('<img');
  });
});

describe('Select', () => {
  it('lists its choices in order as text, with the value selected, inside its label', () => {
    const choices: Record<'a' | 'b' | 'c', string> = { c: 'Third <i>', a: 'First', b: XSS };
    const html = renderToStaticMarkup(
      <Select label="Sort by" value="b" choices={choices} onChange={() => {}} testId="picker" />,
    );
    expect([...html.matchAll(/<option value="(\w)"/g)].map((m) => m[1])).toEqual(['c', 'a', 'b']);
    expect(html).toMatch(/^<label><span>Sort by<\/span> <select data-testid="picker">/);
    expect(html).toContain('<option value="b" selected="">&lt;img src=x onerror=alert(1)&gt;</option>');
    expect(html).not.toContain('<i>');
  });
});
