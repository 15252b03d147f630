// Filters: unresolved contradictions only, contradictions only, one source's findings; the
// count of each section follows them. A filtered view can be linked to:
// report.html?open&contradict&source=bayan-2022
(function () {
  const form = document.getElementById('filters');
  const shown = document.getElementById('shown');
  const findings = Array.from(document.querySelectorAll('.finding'));
  const params = new URLSearchParams(location.search);
  form.elements.open.checked = params.has('open');
  form.elements.contradict.checked = params.has('contradict');
  form.elements.source.value = params.get('source') || '';
  function apply() {
    const open = form.elements.open.checked;
    const contradict = form.elements.contradict.checked;
    const source = form.elements.source.value;
    const filtered = open || contradict || source !== '';
    let count = 0;
    for (const finding of findings) {
      const show = (!open || finding.dataset.open === 'true')
        && (!contradict || finding.dataset.verdict === 'contradict')
        && (!source || finding.querySelector('.claim[data-source="' + CSS.escape(source) + '"]') !== null);
      finding.hidden = !show;
      if (show) count++;
    }
    for (const group of document.querySelectorAll('.group')) {
      const total = group.querySelectorAll('.finding').length;
      const visible = group.querySelectorAll('.finding:not([hidden])').length;
      const counter = group.querySelector('.count');
      counter.textContent = filtered && total > 0 ? '(' + visible + ' of ' + total + ')' : '(' + total + ')';
      // A section the filters empty goes; one with nothing in it at all says so.
      group.hidden = total > 0 && visible === 0;
    }
    shown.textContent = 'showing ' + count + ' of ' + findings.length + ' findings';
  }
  function remember() {
    const query = new URLSearchParams();
    if (form.elements.open.checked) query.set('open', '');
    if (form.elements.contradict.checked) query.set('contradict', '');
    if (form.elements.source.value) query.set('source', form.elements.source.value);
    const search = query.toString().replace(/=(&|$)/g, '$1');
    try {
      history.replaceState(null, '', (search ? '?' + search : location.pathname) + location.hash);
    } catch (e) {
      // Some browsers do not let file: pages rewrite their address; the filters still work.
    }
  }
  // A link to a folded finding (#f-…) unfolds it and the section it is in.
  function reveal() {
    const target = location.hash.startsWith('#f-') && document.getElementById(location.hash.slice(1));
    if (!target) return;
    for (let el = target; el; el = el.parentElement) {
      if (el.tagName === 'DETAILS') el.open = true;
    }
    target.scrollIntoView();
  }
  form.addEventListener('change', function () { apply(); remember(); });
  form.addEventListener('submit', function (event) { event.preventDefault(); });
  window.addEventListener('hashchange', reveal);
  apply();
  reveal();
})();
