import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Chip } from './Chip.tsx';
import { Combobox } from './Combobox.tsx';
import { Disclosure } from './Disclosure.tsx';

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
