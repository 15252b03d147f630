// The text view: a quote's line link (#t-<source>-L<n>) opens its source's text in a dialog,
// scrolled to the line, the line and the claim's quote marked. The text is moved into the
// dialog and back, so each line keeps its one id. Without this script, or without <dialog>,
// the link opens the folded text further down the page at the line.
(function () {
  const viewer = document.getElementById('viewer');
  if (!viewer || typeof viewer.showModal !== 'function') return;
  const body = viewer.querySelector('.viewer-body');
  const title = document.getElementById('viewer-title');
  const raw = viewer.querySelector('a.raw');
  let shown = null;

  function lineOf(hash) {
    if (!/^#t-.+-L\d+$/.test(hash)) return null;
    const line = document.getElementById(hash.slice(1));
    return line && line.classList.contains('ln') ? line : null;
  }

  function putBack() {
    if (!shown) return;
    for (const el of shown.marked) el.classList.remove('here', 'this');
    shown.home.appendChild(shown.pre);
    shown = null;
  }

  function open(line, claim) {
    const pre = line.closest('pre.text');
    const holder = pre.closest('details.text');
    putBack();
    shown = { pre: pre, home: pre.parentNode, marked: [] };
    const n = line.id.slice(line.id.lastIndexOf('-L') + 2);
    title.textContent = holder.dataset.label + ', line ' + n;
    raw.href = holder.dataset.href;
    body.appendChild(pre);
    line.classList.add('here');
    shown.marked.push(line);
    if (claim) {
      for (const q of pre.querySelectorAll('.q')) {
        if (q.dataset.c.split(' ').indexOf(claim) >= 0) {
          q.classList.add('this');
          shown.marked.push(q);
        }
      }
    }
    if (!viewer.open) viewer.showModal();
    line.scrollIntoView({ block: 'center' });
  }

  document.addEventListener('click', function (event) {
    const link = event.target.closest('a[href^="#t-"]');
    const line = link && lineOf(link.getAttribute('href'));
    if (!line) return;
    event.preventDefault();
    open(line, link.dataset.claim);
  });
  viewer.addEventListener('close', putBack);
  // Clicking the backdrop closes it too.
  viewer.addEventListener('click', function (event) {
    if (event.target === viewer) viewer.close();
  });
  const initial = lineOf(location.hash);
  if (initial) open(initial, null);
})();
