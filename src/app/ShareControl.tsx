// "Copy link": shows the permalink of exactly what is on screen, copies it, and for imported datasets offers
// to embed the data in the link itself (small bundles only) so the receiver needs no file.
// Test ids: share-button, share-panel, share-link (the text field), share-copy, share-status, share-embed.
import { useEffect, useId, useRef, useState } from 'react';

export interface ShareLink {
  href: string;
  /** Why the link could not be made as asked (e.g. too large to embed), or null. */
  problem: string | null;
}

interface ShareControlProps {
  /** Builds the link of the current view; `embed` asks for the data to be carried in the link. */
  buildLink: (embed: boolean) => Promise<ShareLink>;
  /** Whether embedding makes sense (an imported dataset; samples are already named by their id). */
  canEmbed: boolean;
}

export function ShareControl({ buildLink, canEmbed }: ShareControlProps) {
  const [open, setOpen] = useState(false);
  /** Opens towards the right when the button sits too far left for the panel to fit on its left. */
  const [alignLeft, setAlignLeft] = useState(false);
  const [embed, setEmbed] = useState(false);
  const [link, setLink] = useState<ShareLink | null>(null);
  const [status, setStatus] = useState('');
  const panelId = useId();
  const fieldRef = useRef<HTMLInputElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    let live = true;
    setStatus('');
    void buildLink(embed && canEmbed).then((made) => {
      if (!live) return;
      setLink(made);
      fieldRef.current?.focus();
      fieldRef.current?.select();
    });
    return () => {
      live = false;
    };
  }, [open, embed, canEmbed, buildLink]);

  const copy = async () => {
    if (link === null) return;
    try {
      await navigator.clipboard.writeText(link.href);
      setStatus(`Copied (${link.href.length.toLocaleString('en-US')} characters).`);
    } catch {
      // No clipboard permission (e.g. an insecure origin): the link is selected for Ctrl+C instead.
      fieldRef.current?.select();
      setStatus('The browser did not allow copying: press Ctrl+C (⌘C) to copy the selected link.');
    }
  };

  const close = () => {
    setOpen(false);
    buttonRef.current?.focus();
  };

  return (
    <div className="share">
      <button
        ref={buttonRef}
        type="button"
        className="header-button"
        aria-expanded={open}
        aria-controls={panelId}
        data-testid="share-button"
        onClick={() => {
          const right = buttonRef.current?.getBoundingClientRect().right ?? Infinity;
          setAlignLeft(right < Math.min(36 * 16, window.innerWidth * 0.9) + 16);
          setOpen((o) => !o);
        }}
      >
        Copy link
      </button>
      {open && (
        <div
          id={panelId}
          className={alignLeft ? 'share-panel share-panel-left' : 'share-panel'}
          role="dialog"
          aria-label="Link to this view"
          data-testid="share-panel"
          onKeyDown={(event) => {
            if (event.key === 'Escape') close();
          }}
        >
          <label className="share-field">
            <span>Link to exactly this view</span>
            <input
              ref={fieldRef}
              readOnly
              value={link?.href ?? 'Making the link…'}
              data-testid="share-link"
              onFocus={(event) => event.currentTarget.select()}
            />
          </label>
          {canEmbed && (
            <label className="share-embed">
              <input
                type="checkbox"
                checked={embed}
                data-testid="share-embed"
                onChange={(event) => setEmbed(event.target.checked)}
              />
              Embed the data in the link (no file needed; small datasets only)
            </label>
          )}
          {link?.problem != null && (
            <p className="share-problem" role="alert">
              {link.problem}
            </p>
          )}
          <div className="share-actions">
            <button
              type="button"
              onClick={() => void copy()}
              disabled={link === null}
              data-testid="share-copy"
            >
              Copy
            </button>
            <button type="button" onClick={close}>
              Close
            </button>
            <span className="share-status" role="status" data-testid="share-status">
              {status}
            </span>
          </div>
          {canEmbed && !embed && (
            <p className="share-hint">
              The receiver needs the same data file; if their device does not have it, the link names it and
              restores this view once they open it.
            </p>
          )}
        </div>
      )}
    </div>
  );
}
