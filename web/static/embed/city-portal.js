// The mock city portal's own script: it holds three county submissions (files beside this
// page, as `shifan sample` writes them), hands them to the review widget at once with
// openTexts, shows the counts each shifan-change carries, and takes the recommendation
// package when the office exports it instead of letting the widget download it.
const SUBMISSIONS = ['140105-xiaodian.json', '140106-yingze.json', '140107-xinghualing.json'];

const widget = document.getElementById('city-review');
const preloaded = document.getElementById('portal-preloaded');
const change = document.getElementById('portal-change');
const received = document.getElementById('portal-received');
/** What the portal received, for whoever looks (the e2e test reads it). */
const inbox = [];
window.portalInbox = inbox;

widget.addEventListener('shifan-change', (event) => {
  const { files, recommended, pending, saved } = event.detail;
  change.textContent = `${files} files, ${recommended} recommended, ${pending} pending${saved ? '' : ' (saving)'}`;
});
widget.addEventListener('shifan-export', (event) => {
  if (event.detail.kind !== 'package') return;
  // The portal keeps the package; no download.
  event.preventDefault();
  inbox.push(event.detail);
  received.textContent = String(inbox.length);
});

/** Fetches the submissions and hands them to the widget (no top-level await: the browser
 * floor's engines lack it). */
async function preload() {
  const files = await Promise.all(
    SUBMISSIONS.map(async (name) => {
      const response = await fetch(new URL(`submissions/${name}`, import.meta.url));
      if (!response.ok) throw new TypeError(`${name}: ${response.status}`);
      return { name, text: await response.text() };
    }),
  );
  const answer = await widget.openTexts(files);
  preloaded.textContent = answer.ok ? `${answer.files} files, ${answer.rejected.length} refused` : 'refused';
  window.portalPreloaded = answer;
}
preload();
