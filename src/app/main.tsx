// Entry point: mounts the app shell.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import './app.css';
import { afterFirstPicture, whenIdle } from './idle-work.ts';
import { prefetchDataParam } from './OpenData.tsx';
import { registerOffline } from './offline.ts';
import { decodeRoute } from '../state/route.ts';
import { warmMap } from '../views/map/warm.ts';

// A link with a file and a dataset hash (`?data=…#/h:…`) fetches the file while IndexedDB is asked for
// the dataset, not after.
prefetchDataParam();

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
// A start on the map (or the split view) fetches the basemap and the counties now, while the dataset loads.
const startView = decodeRoute(window.location.hash).route.view;
if (startView === 'map' || startView === 'split') warmMap();
// A link that opens on the network (or the split view) has the network's sigma and shaders made at once,
// while its dataset loads in the workers, instead of after it. Other starts make them when idle, below.
if (startView === 'network' || startView === 'split')
  void import('../views/network/prepared.ts').then(({ prepareNetwork }) => prepareNetwork());

// Idle work after the first picture, in this order: the network view's code, sigma and shaders (its first
// frame then skips their load, set-up and build), then the offline precache.
afterFirstPicture(async () => {
  const { prepareNetwork } = await import('../views/network/prepared.ts');
  await whenIdle();
  // How many programs drew ahead, for tests and the bench.
  document.documentElement.dataset['networkPrepared'] = String(prepareNetwork());
});
registerOffline();
