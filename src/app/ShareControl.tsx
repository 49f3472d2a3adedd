// "Copy link": shows the permalink of exactly what is on screen, copies it, and for imported datasets offers
// to embed the data in the link itself (small bundles only) so the receiver needs no file.
// It also sets how much a shared view carries (a redaction profile and a marking line), which the Export menu
// uses too.
// Test ids: share-button, share-panel, share-link (the text field), share-copy, share-status, share-embed,
// share-profile-full, share-profile-partner, share-profile-public, share-marking, share-shown (what the link carries).
import { useEffect, useId, useRef, useState } from 'react';
import type { RedactionProfile } from '../domain/model.ts';
import { stricterProfile } from '../io/redact.ts';
import { isRedacting } from './sharing.ts';
import type { SharingChoice } from './sharing.ts';

export interface ShareLink {
  href: string;
  /** Why the link could not be made as asked (e.g. too large to embed), or null. */
  problem: string | null;
}

interface ShareControlProps {
  /** Builds the link of the current view; `embed` asks for the data to be carried in the link. */
  buildLink: (embed: boolean, choice: SharingChoice) => Promise<ShareLink>;
  /** Whether embedding makes sense (an imported dataset; samples are already named by their id). */
  canEmbed: boolean;
  choice: SharingChoice;
  onChoice: (choice: SharingChoice) => void;
  /** The profile of the dataset itself ('full' unless it is a shared copy): it cannot be shared as more. */
  least: RedactionProfile;
}

const PROFILES: { id: RedactionProfile; label: string; hint: string }[] = [
  { id: 'full', label: 'Full data', hint: 'everything you see' },
  {
    id: 'partner',
    label: 'Partner view',
    hint: 'firm names kept; dollar values only as bands; UEI, CAGE, addresses, websites and notes removed',
  },
  {
    id: 'public',
    label: 'Public view',
    hint: 'no firm named: organizations numbered at their county, links as county-to-county flows, dollar values as bands, counts under 3 suppressed',
  },
];

const SHOWN: Record<RedactionProfile, string> = {
  full: 'This link and the exports carry the full data.',
  partner: 'This link and the exports carry the partner view.',
  public: 'This link and the exports carry the public view.',
};

export function ShareControl({ buildLink, canEmbed, choice, onChoice, least }: ShareControlProps) {
  const profile = stricterProfile(choice.profile, least);
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
    void buildLink(embed && canEmbed, choice).then((made) => {
      if (!live) return;
      setLink(made);
      fieldRef.current?.focus();
      fieldRef.current?.select();
    });
    return () => {
      live = false;
    };
  }, [open, embed, canEmbed, buildLink, choice]);
  const redacting = isRedacting(choice);

  const copy = async () => {
    if (link === null || link.href === '') return;
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
          <fieldset className="share-profile">
            <legend>Share as</legend>
            {PROFILES.map((option) => (
              <label key={option.id} title={option.hint}>
                <input
                  type="radio"
                  name={`${panelId}-profile`}
                  value={option.id}
                  checked={profile === option.id}
                  disabled={stricterProfile(option.id, least) !== option.id}
                  data-testid={`share-profile-${option.id}`}
                  onChange={() => onChoice({ ...choice, profile: option.id })}
                />
                {option.label} <span className="share-profile-hint">({option.hint})</span>
              </label>
            ))}
            <label className="share-marking">
              <span>Marking line, printed on exports and shown to the receiver</span>
              <input
                type="text"
                maxLength={200}
                placeholder="e.g. Internal — do not distribute"
                value={choice.marking}
                data-testid="share-marking"
                onChange={(event) => onChoice({ ...choice, marking: event.target.value })}
              />
            </label>
          </fieldset>
          <p className="share-shown" data-testid="share-shown">
            {SHOWN[profile]}
            {redacting && ' The link carries the data itself, redacted and marked.'}
          </p>
          <label className="share-field">
            <span>Link to exactly this view</span>
            <input
              ref={fieldRef}
              readOnly
              value={
                link === null ? 'Making the link…' : link.href === '' ? 'No link (see below)' : link.href
              }
              data-testid="share-link"
              onFocus={(event) => event.currentTarget.select()}
            />
          </label>
          {canEmbed && !redacting && (
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
              disabled={link === null || link.href === ''}
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
          {canEmbed && !embed && !redacting && (
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
