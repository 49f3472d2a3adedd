// The points worker: clusters the organizations' points for the map (see ./points).
import { selfPort, serve } from './actor.ts';
import { PointsEngine, pointsArgs, pointsHandlers } from './points/points-engine.ts';

serve(pointsHandlers(new PointsEngine()), selfPort(), { args: pointsArgs });
