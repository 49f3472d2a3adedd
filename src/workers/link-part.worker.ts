// The link-part helper: started by the import worker for a big bundle, it parses the last part of the
// bundle's links (see io/link-split.ts) on another core and hands them back as columns.
import { selfPort, serve } from './actor.ts';
import { linkPartArgs, linkPartHandlers } from './link-part-protocol.ts';

serve(linkPartHandlers, selfPort(), { args: linkPartArgs });
