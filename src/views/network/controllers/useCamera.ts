// Keeps sigma's camera and the URL in step: reports moves once they settle (debounced), moves the camera
// when the prop differs meaningfully from where it is (back button, pasted link), and fits when there is
// none. The prop echoing our own report back is recognised and ignored, so there is no loop.
import { useEffect } from 'react';
import type Sigma from 'sigma';
import type { NetworkCamera } from '../../../state/route.ts';
import type { EdgeAttributes, NodeAttributes } from '../render-graph.ts';
import { useLatest } from '../../../ui/useLatest.ts';

export const CAMERA_REPORT_DELAY_MS = 250;
export const FIT: NetworkCamera = { x: 0.5, y: 0.5, ratio: 1 };

/**
 * Whether two cameras show the same view: centers within 0.2% of the visible width and ratios within 1%
 * (the permalink keeps three significant digits of the ratio).
 */
export function sameCamera(a: NetworkCamera, b: NetworkCamera): boolean {
  const tolerance = 0.002 * Math.max(a.ratio, b.ratio);
  return (
    Math.abs(a.x - b.x) <= tolerance &&
    Math.abs(a.y - b.y) <= tolerance &&
    Math.abs(a.ratio / b.ratio - 1) <= 0.01
  );
}

export function useCamera(
  sigma: Sigma<NodeAttributes, EdgeAttributes> | null,
  camera: NetworkCamera | undefined,
  onCameraChange: (camera: NetworkCamera) => void,
): void {
  const report = useLatest(onCameraChange);
  const latest = useLatest(camera);

  useEffect(() => {
    if (sigma === null) return;
    const cam = sigma.getCamera();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onUpdated = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        const { x, y, ratio } = cam.getState();
        const now = { x, y, ratio };
        const known = latest.current ?? FIT;
        if (sameCamera(now, known)) return;
        report.current(now);
      }, CAMERA_REPORT_DELAY_MS);
    };
    cam.on('updated', onUpdated);
    return () => {
      clearTimeout(timer);
      cam.off('updated', onUpdated);
    };
  }, [sigma, latest, report]);

  const x = camera?.x ?? FIT.x;
  const y = camera?.y ?? FIT.y;
  const ratio = camera?.ratio ?? FIT.ratio;
  useEffect(() => {
    if (sigma === null) return;
    const cam = sigma.getCamera();
    const { x: cx, y: cy, ratio: cr } = cam.getState();
    if (!sameCamera({ x: cx, y: cy, ratio: cr }, { x, y, ratio })) cam.setState({ x, y, ratio, angle: 0 });
  }, [sigma, x, y, ratio]);
}
