// The points worker: clusters the organizations' points for the map (see views/map/points).
import { PointsEngine, answer } from '../views/map/points/points-engine.ts';
import type { PointsCall } from '../views/map/points/points-engine.ts';

const engine = new PointsEngine();
self.addEventListener('message', (event: MessageEvent<PointsCall>) =>
  self.postMessage(answer(engine, event.data)),
);
