// The app's script, imported by the page's first one (boot.ts): mounts the app shell.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import './app.css';
import { afterFirstPicture, whenIdle } from './idle-work.ts';
import { addressOpensFile } from './data-param.ts';
import { sharedImportClient } from './useDataset.ts';
import { registerOffline } from './offline.ts';
import { decodeRoute } from '../state/route.ts';
import { onceMarked } from '../ui/perf-marks.ts';
import { networkViewCode } from './view-code.ts';

// A `?data=` link that opens its file has the import client take up the import worker now (made by boot.ts
// before this script ran), so that it is ready by the time the file is handed to it. One whose hash names a
// dataset (kept on this device, as a reload finds it) makes it only if the device lacks the dataset.
const opensFile = addressOpensFile();
if (opensFile) sharedImportClient().warm();

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
const startView = decodeRoute(window.location.hash).route.view;
// A link that opens on the network (or the split view) has the network's sigma and shaders made while its
// dataset loads in the workers, instead of after it: at once, or for a `?data=` file once the file is in
// the import worker's hands (made before, its ~0.25 s delayed the file's import by as much). Other starts
// make them after the first picture, below.
if (startView === 'network' || startView === 'split') {
  const prepare = () => {
    void import('../views/network/prepared.ts').then(({ prepareNetwork }) => void prepareNetwork());
    // The view's own code too, so that it is there when its dataset is.
    void networkViewCode();
  };
  // At the next idle moment: the file's request is posted in a continuation after the mark.
  if (opensFile) onceMarked(['import-sent', 'dataset'], () => void whenIdle().then(prepare));
  else prepare();
}

// Idle work after the first picture, in this order: the network view's code, sigma and shaders (its first
// frame then skips their load, set-up and build), then the offline precache.
afterFirstPicture(async () => {
  const { prepareNetwork } = await import('../views/network/prepared.ts');
  await whenIdle();
  // How many programs drew ahead, for tests and the bench.
  document.documentElement.dataset['networkPrepared'] = String(await prepareNetwork());
});
registerOffline();
