// The mock portal's own script: it listens to the widgets as a portal would, and takes the
// exported file instead of letting the widget download it.
const change = document.getElementById('portal-change');
const received = document.getElementById('portal-received');
/** What the portal received, for whoever looks (the e2e test reads it). */
const inbox = [];
window.portalInbox = inbox;

for (const widget of document.querySelectorAll('shifan-assessment')) {
  widget.addEventListener('shifan-change', (event) => {
    const { draft, compliance } = event.detail;
    change.textContent = draft
      ? `${widget.id}: ${compliance.met}/${compliance.applicable}`
      : `${widget.id}: no draft open`;
  });
  widget.addEventListener('shifan-export', (event) => {
    // The portal keeps the file; no download.
    event.preventDefault();
    inbox.push({ from: widget.id, ...event.detail });
    received.textContent = String(inbox.length);
  });
}
