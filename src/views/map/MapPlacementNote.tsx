// Says why organizations are missing from the map: none of them has a location (a network file of bare
// nodes, a list without addresses), or some lack one. It names what places a firm and where to give it.
import { format } from 'd3-format';

const count = format(',d');

export interface MapPlacementNoteProps {
  /** Organizations in the dataset. */
  total: number;
  /** Organizations without a position (no coordinates, no ZIP or county that could be placed). */
  unplaced: number;
  /** Switches to the network view, where every organization is drawn; absent when it is already shown. */
  onShowNetwork?: (() => void) | undefined;
}

export function MapPlacementNote({ total, unplaced, onShowNetwork }: MapPlacementNoteProps) {
  if (unplaced === 0 || total === 0) return null;
  const all = unplaced === total;
  return (
    <div
      className={`map-placement-note${all ? ' map-placement-note-all' : ''}`}
      role="note"
      data-testid="map-placement-note"
      data-unplaced={unplaced}
    >
      <p>
        {all
          ? `None of the ${count(total)} organizations has a location, so the map has nothing to draw.`
          : `${count(unplaced)} of the ${count(total)} organizations have no location and are not on the map.`}
      </p>
      <p>
        A firm is placed by its latitude and longitude, its ZIP code or its county FIPS code. To add them,
        open the file again and choose that column (or node attribute) in the import&rsquo;s column mapping,
        or add one to the file.
      </p>
      {onShowNetwork !== undefined && (
        <p>
          <button type="button" data-testid="map-placement-network" onClick={onShowNetwork}>
            Show the network
          </button>{' '}
          (every organization is drawn there)
        </p>
      )}
    </div>
  );
}
