// Colors and sizes of the network view. Kind colors are the map's (one legend for both views); the link
// colors say what a highlight means, and the dimmed tones keep the context readable behind it.
import { ARC_IN, ARC_OUT, GAP_ROLE_COLORS, KIND_COLORS, RISK_COLORS } from '../map/style.ts';

export { ARC_IN, ARC_OUT, GAP_ROLE_COLORS, KIND_COLORS, RISK_COLORS };

/** A supply link inside the region, or entirely outside it. */
export const EDGE_COLOR = 'rgba(71, 85, 105, 0.45)';
/** EDGE_COLOR without its transparency, for the legend's swatches. */
export const EDGE_COLOR_SOLID = 'rgb(100, 116, 139)';
/**
 * A link with one end in the home region and one outside, where links are plain lines (big graphs): they
 * cannot be dashed there (the arrows are, see programs/dashed-edge.ts), so they get a distinct hue.
 */
export const EDGE_CROSSING_COLOR = 'rgba(219, 39, 119, 0.38)';
export const CRITICAL_COLOR = '#dc2626';
export const DIM_NODE_COLOR = '#e2e5ea';
export const DIM_EDGE_COLOR = 'rgba(203, 213, 225, 0.25)';

/** Node radius range in screen pixels at the fitted zoom. */
export const NODE_SIZE_MIN = 2.5;
export const NODE_SIZE_MAX = 14;
/**
 * Primes buy rather than supply, so sizing by supplied value would draw them as the smallest dots: they are
 * what the network is read from, so they never go below this.
 */
export const PRIME_NODE_SIZE = 8;
/** Edge thickness range in screen pixels. */
export const EDGE_SIZE_MIN = 0.6;
export const EDGE_SIZE_MAX = 5;
