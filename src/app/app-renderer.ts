// The second of the app's libraries evaluated in a task of their own (see app-libraries.ts): the reference
// files' schemas and React's DOM renderer.
import '../io/reference-schemas.ts';
import 'react-dom/client';
