// The second of the app's libraries evaluated in a task of their own (see app-libraries.ts): the reference
// regions, checked by their schema as they load, and React's DOM renderer.
import './reference-regions.ts';
import 'react-dom/client';
