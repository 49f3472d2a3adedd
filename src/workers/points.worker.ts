// The points worker: clusters the organizations' points for the map (see ./points).
import { selfPort, serve } from './actor.ts';
import { pointsArgs } from './points/points-api.ts';
import { PointsEngine, pointsHandlers } from './points/points-engine.ts';

serve(pointsHandlers(new PointsEngine()), selfPort(), { args: pointsArgs });
