// What the app's script would evaluate first, evaluated by the page's first script (boot.ts) in a task of its
// own before the rest: zod with the data schemas, and React's DOM renderer. One task of ~150 ms at start
// becomes two that each stay near or under the 100 ms a main-thread task may take.
import '../io/bundle-schema.ts';
import '../io/reference-schemas.ts';
import 'react-dom/client';
