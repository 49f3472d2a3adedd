// The resilience helper: started by the analysis worker for a big graph, it counts the chokepoints of half of
// the blocks of primes on another core (see resilience-part-protocol.ts).
import { selfPort, serve } from './actor.ts';
import { resiliencePartArgs, resiliencePartHandlers } from './resilience-part-protocol.ts';

serve(resiliencePartHandlers(), selfPort(), { args: resiliencePartArgs });
