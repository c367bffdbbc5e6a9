import { ReplayPlayer } from '../../components/replay/replay-player';

/**
 * The browser side of `npm run bench:replay`: the replay page's player (ReplayPlayer and its
 * ReplayStream, unchanged) on a bare page with a timeline strip. Clicking the strip seeks;
 * each seek's time from the click event to the rendered screen is pushed to window.__seeks.
 */

declare global {
  interface Window {
    __firstFrameMs?: number;
    __seeks: number[];
    __error?: string;
  }
}

const params = new URLSearchParams(location.search);
const recordingId = params.get('id') ?? '';
const duration = Number(params.get('duration'));
const cols = Number(params.get('cols'));
const rows = Number(params.get('rows'));
window.__seeks = [];

const container = document.getElementById('terminal')!;
const timeline = document.getElementById('timeline')!;
const player = new ReplayPlayer(container, {
  recordingId,
  duration,
  cols,
  rows,
  onChange: (state) => {
    if (state.error) window.__error = state.error;
  },
});

player
  .seek(0)
  .then(() => (window.__firstFrameMs = performance.now()))
  .catch((error: unknown) => (window.__error = String(error)));

timeline.addEventListener('click', (event) => {
  const rect = timeline.getBoundingClientRect();
  const t = ((event.clientX - rect.left) / rect.width) * duration;
  const clickedAt = event.timeStamp;
  void player.seek(t).then(() => window.__seeks.push(performance.now() - clickedAt));
});
