// What the app's script would evaluate first, evaluated by the page's first script (boot.ts) in tasks of
// their own before the rest, each near or under the 100 ms a main-thread task may take: zod with the bundle's
// schema here, then app-renderer.ts. As one task they took ~150 ms at start, and with the reference schemas
// in this one still 110-160 ms (100k `?data=` start, three runs).
import '../io/bundle-schema.ts';
