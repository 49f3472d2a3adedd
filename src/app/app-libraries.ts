// What the app's script would evaluate first, evaluated by the page's first script (boot.ts) in tasks of
// their own before the rest, each near or under the 100 ms a main-thread task may take: zod with the
// reference files' schemas here, then app-renderer.ts. As one task they took ~150 ms at start; with the
// reference regions checked by their schema here too, this one took 75–100 ms (the check ~20 ms of it).
// The bundle's own schema loads with the code that loads a bundle's JSON, when a start has one
// (bundle-code.ts).
import '../io/reference-schemas.ts';
