// The review desk: a queue of shoots awaiting a human, and a contact sheet for one of them.
// Talks only to Facet's JSON API with the session cookie from /review/session; every change
// carries the session's CSRF token. Text from the server is set as text, never as HTML.
'use strict';

const $ = (id) => document.getElementById(id);
const desk = { csrf: null, queue: [], current: null, state: null, shot: 0, focus: 0, picks: {} };

function el(tag, { dataset = {}, ...props } = {}, ...children) {
  const node = Object.assign(document.createElement(tag), props);
  Object.assign(node.dataset, dataset);
  node.append(...children.filter((c) => c !== null && c !== undefined));
  return node;
}

async function api(path, options = {}) {
  const headers = { Accept: 'application/json', ...(options.headers || {}) };
  if (options.body) headers['Content-Type'] = 'application/json';
  if (options.method && options.method !== 'GET' && desk.csrf) headers['X-CSRF-TOKEN'] = desk.csrf;
  const response = await fetch(path, { ...options, headers, credentials: 'same-origin' });
  const body = response.status === 204 ? null : await response.json().catch(() => null);
  if (response.status === 401 && path !== '/review/session') showLogin();
  return { ok: response.ok, status: response.status, body };
}

// --- session ---------------------------------------------------------------------------------

async function start() {
  const session = await api('/review/session');
  if (!session.ok) return showLogin();
  desk.csrf = session.body.csrfToken;
  $('who').textContent = `${session.body.name} (${session.body.role})`;
  $('logout').hidden = false;
  $('login').hidden = true;
  $('desk').hidden = false;
  await loadQueue();
  // New work arrives while a reviewer works: the queue refreshes itself, the open item does not.
  desk.poll ||= setInterval(() => { if (!$('desk').hidden) loadQueue(); }, 10000);
}

function showLogin() {
  $('desk').hidden = true;
  $('logout').hidden = true;
  $('login').hidden = false;
  $('key').focus();
}

$('login').addEventListener('submit', async (event) => {
  event.preventDefault();
  const result = await api('/review/session', { method: 'POST', body: JSON.stringify({ key: $('key').value.trim() }) });
  $('key').value = '';
  if (!result.ok) {
    $('login-error').textContent = result.body?.detail || `Login failed (${result.status})`;
    return;
  }
  $('login-error').textContent = '';
  document.activeElement.blur(); // the keys are the desk's now, not the hidden key field's
  await start();
});

$('logout').addEventListener('click', async () => {
  await api('/review/session', { method: 'DELETE' });
  desk.csrf = null;
  showLogin();
});

// --- queue -----------------------------------------------------------------------------------

async function loadQueue() {
  const catalog = $('catalog-filter').value;
  const result = await api('/api/review/queue' + (catalog ? `?catalog=${encodeURIComponent(catalog)}` : ''));
  $('queue-error').textContent = result.ok ? '' : result.body?.detail || `The queue did not load (${result.status}).`;
  if (!result.ok) return;
  desk.queue = result.body.items;
  renderCatalogs(result.body.catalogs);
  renderQueue(result.body.truncated);
}

function renderCatalogs(catalogs) {
  const filter = $('catalog-filter');
  const chosen = filter.value;
  const ids = new Set([...catalogs.map((c) => c.catalogId), ...desk.queue.map((i) => i.catalogId).filter(Boolean)]);
  filter.replaceChildren(el('option', { value: '', textContent: 'all' }),
    ...[...ids].sort().map((id) => el('option', { value: id, textContent: id, selected: id === chosen })));
  $('catalogs').replaceChildren(...catalogs.map((c) => {
    const share = (n) => `${c.total ? (100 * n) / c.total : 0}%`;
    const other = c.rejected + c.expired + c.failed + c.cancelled;
    const bar = el('div', { className: 'bar', title: `${c.published} published, ${c.awaitingHuman} awaiting, ${other} other, of ${c.total}` },
      el('span', { className: 'published' }), el('span', { className: 'awaiting' }), el('span', { className: 'other' }));
    [share(c.published), share(c.awaitingHuman), share(other)].forEach((w, i) => { bar.children[i].style.width = w; });
    return el('div', { className: 'catalog', dataset: { catalog: c.catalogId } },
      el('div', { textContent: `${c.catalogId}: ${c.published}/${c.total} published, ${c.awaitingHuman} awaiting` }), bar);
  }));
}

function renderQueue(truncated) {
  $('queue-count').textContent = `(${desk.queue.length}${truncated ? '+' : ''})`;
  $('queue-empty').hidden = desk.queue.length > 0;
  $('queue').replaceChildren(...desk.queue.map((item) => {
    const li = el('li', { className: item.sku === desk.current ? 'current' : '', dataset: { sku: item.sku } },
      el('strong', { textContent: item.sku }),
      el('small', { textContent: `${item.stage === 'AWAITING_SELECTION' ? 'select' : 'approve'} · ${item.catalogId || 'no catalog'} · ${new Date(item.since).toLocaleString()}` }));
    li.addEventListener('click', () => openItem(item.sku));
    return li;
  }));
}

$('catalog-filter').addEventListener('change', loadQueue);

// --- one shoot -------------------------------------------------------------------------------

async function openItem(sku) {
  const result = await api(`/api/shoots/${encodeURIComponent(sku)}`);
  if (!result.ok) return message(result.body?.detail || `${sku} did not load (${result.status}).`);
  desk.current = sku;
  desk.state = result.body;
  desk.shot = 0;
  desk.focus = 0;
  desk.picks = {};
  // The best-ranked candidate of each shot is picked to start with.
  shots().forEach((shot) => {
    desk.picks[shot.name] = [...shot.candidates].sort((a, b) => a.rank - b.rank)[0]?.candidate.id;
  });
  renderQueue(false);
  renderItem();
}

const image = (ref) => `/api/shoots/${encodeURIComponent(desk.current)}/image?key=${encodeURIComponent(ref.key)}`;
const selecting = () => desk.state?.stage === 'AWAITING_SELECTION';

/** Who made a candidate: its generator name, and for a bare provider name the model that ran. */
const maker = (candidate) => (candidate.model && !candidate.provider.includes(':')
  ? `${candidate.provider} (${candidate.model})` : candidate.provider);

/** This round's candidates, per shot, best first. */
function shots() {
  const byShot = new Map();
  for (const view of desk.state.candidates.filter((v) => v.candidate.round === desk.state.round)) {
    if (!byShot.has(view.candidate.shot)) byShot.set(view.candidate.shot, []);
    byShot.get(view.candidate.shot).push(view);
  }
  // In a bake-off every provider made the same shot: group them, best first within each.
  const order = (a, b) => a.candidate.provider.localeCompare(b.candidate.provider) || a.rank - b.rank;
  return [...byShot].map(([name, candidates]) => ({ name, candidates: candidates.sort(order) }));
}

function renderItem() {
  const state = desk.state;
  $('item-empty').hidden = true;
  $('item-body').hidden = false;
  $('item-title').textContent = `${state.sku}${state.catalogId ? ` · ${state.catalogId}` : ''} · round ${state.round} of ${state.maxRounds}`;
  const routing = state.routing ? ` Routed to ${state.routing.provider}: ${state.routing.reason}.` : '';
  $('item-stage').textContent = `Stage: ${state.stageWords}. Cost so far $${state.costUsd.toFixed(2)}.${routing}`;
  $('references').replaceChildren(...state.references.map((r) =>
    figure(image(r.image), `reference ${r.index + 1}: ${r.angle || 'no angle'}`, 'reference')));
  $('shots').replaceChildren(...shots().map((shot, s) => el('div', { className: `shot${s === desk.shot ? ' current' : ''}` },
    el('h3', { textContent: `Shot ${shot.name}${selecting() ? '' : ` (selected: ${state.selections[shot.name] || '—'})`}` }),
    el('div', { className: 'strip' }, ...shot.candidates.flatMap((view, c) => {
      const firstOfProvider = c === 0 || shot.candidates[c - 1].candidate.provider !== view.candidate.provider;
      const label = firstOfProvider && new Set(shot.candidates.map((v) => v.candidate.provider)).size > 1
        ? el('span', { className: 'provider', textContent: view.candidate.provider }) : null;
      return [label, candidateFigure(shot, s, view, c)].filter(Boolean);
    })))));
  renderFinals();
  $('approve').textContent = selecting() ? 'Send selection (A)' : 'Approve (A)';
  $('approve').disabled = !state.awaitingHuman;
  $('reject').hidden = selecting() || !state.awaitingHuman;
}

function candidateFigure(shot, s, view, c) {
  const { candidate, score } = view;
  const classes = [candidate.id === desk.picks[shot.name] && selecting() ? 'selected' : '',
    s === desk.shot && c === desk.focus ? 'focused' : ''];
  // A bake-off judges each provider's best candidate by QA before anyone selects.
  const checks = (desk.state.candidateQa?.[candidate.id] || []).flatMap((report) => report.checks);
  const fig = figure(image(candidate.image),
    `${c + 1}. ${candidate.id} · ${maker(candidate)} · score ${score.total.toFixed(2)} (fidelity ${score.fidelity.toFixed(2)}, sharpness ${score.sharpness.toFixed(2)}, ΔE ${score.metalDeltaE.toFixed(1)}) · rank ${view.rank}`,
    classes.join(' '));
  fig.dataset.candidate = candidate.id;
  if (checks.length) {
    const failed = checks.filter((check) => !check.passed).map((check) => check.name);
    fig.append(el('figcaption', { className: failed.length ? 'fail' : 'pass',
      textContent: `QA ${checks.length - failed.length}/${checks.length}${failed.length ? `: ${failed.join(', ')}` : ''}` }));
  }
  fig.addEventListener('click', (event) => {
    if (event.target.tagName === 'IMG') return;
    desk.shot = s; desk.focus = c; pick(); renderItem();
  });
  return fig;
}

/** An image with its caption; {@code checks} that failed are outlined where their evidence is. */
function figure(src, caption, className, checks = []) {
  const img = el('img', { src, alt: caption, loading: 'lazy' });
  img.addEventListener('click', () => zoom(src, caption, checks));
  return el('figure', { className }, withEvidence(img, checks), el('figcaption', { textContent: caption }));
}

const SVG = 'http://www.w3.org/2000/svg';

/**
 * The image with a box around each region a failed check points at (what is missing, added or
 * left behind), in the image's own pixels: the overlay's viewBox is the image's natural size and
 * it is fitted as the image is (object-fit: contain), so a box stays on its pixels at any size.
 */
function withEvidence(img, checks) {
  const failed = checks.filter((check) => !check.passed && check.regions?.length);
  if (!failed.length) return img;
  const svg = document.createElementNS(SVG, 'svg');
  svg.classList.add('evidence');
  svg.setAttribute('preserveAspectRatio', 'xMidYMid meet');
  const fit = () => svg.setAttribute('viewBox', `0 0 ${img.naturalWidth} ${img.naturalHeight}`);
  if (img.complete && img.naturalWidth) fit(); else img.addEventListener('load', fit, { once: true });
  for (const check of failed) {
    for (const region of check.regions) {
      const rect = document.createElementNS(SVG, 'rect');
      for (const side of ['x', 'y', 'width', 'height']) rect.setAttribute(side, region[side]);
      rect.classList.add(check.blocking ? 'blocking' : 'warning');
      rect.dataset.check = check.name;
      const title = document.createElementNS(SVG, 'title');
      title.textContent = `${check.name}: ${check.detail || ''}`;
      rect.append(title);
      svg.append(rect);
    }
  }
  return el('div', { className: 'evidence' }, img, svg);
}

function renderFinals() {
  const state = desk.state;
  $('finals-panel').hidden = state.outputs.length === 0;
  $('finals').replaceChildren(...state.outputs.map((output) => {
    const report = state.qa.find((q) => q.shot === output.shot && q.channel === output.channel);
    const rows = (report?.checks || []).map((check) => el('tr', { className: check.passed ? 'pass' : 'fail' },
      el('td', { textContent: check.name }), el('td', { textContent: check.value.toFixed(3) }),
      el('td', { textContent: `${check.comparator} ${check.threshold}` }),
      el('td', { textContent: check.passed ? 'pass' : check.blocking ? 'FAIL' : 'warn' }),
      el('td', { textContent: [check.detail, outlined(check)].filter(Boolean).join(' · ') })));
    return el('div', {},
      figure(image(output.image), `${output.shot} · ${output.channel} · from ${output.candidateId}`, 'final',
        report?.checks || []),
      el('table', { className: 'qa' },
        el('thead', {}, el('tr', {}, ...['check', 'value', 'threshold', 'result', 'evidence'].map((h) => el('th', { textContent: h })))),
        el('tbody', {}, ...rows)));
  }));
}

/** Where a failed check's regions are drawn, in words for the QA table. */
const outlined = (check) => (!check.passed && check.regions?.length
  ? `${check.regions.length} region${check.regions.length > 1 ? 's' : ''} outlined` : '');

function zoom(src, caption, checks = []) {
  const img = el('img', { src, alt: caption });
  $('zoom-view').replaceChildren(withEvidence(img, checks));
  $('zoom-caption').textContent = caption;
  $('zoom').showModal();
}

$('zoom').addEventListener('click', () => $('zoom').close());

function message(text) {
  $('message').textContent = text;
  $('message').hidden = !text;
}

// --- deciding --------------------------------------------------------------------------------

function pick() {
  const shot = shots()[desk.shot];
  if (shot && shot.candidates[desk.focus]) desk.picks[shot.name] = shot.candidates[desk.focus].candidate.id;
}

async function decide(decision) {
  const sku = desk.current;
  const result = await api(`/api/shoots/${encodeURIComponent(sku)}/decisions`, {
    method: 'POST', body: JSON.stringify({ ...decision, round: desk.state.round }) });
  if (!result.ok) {
    // 409: someone else decided first, or the shoot moved on; show why and the fresh state.
    const why = result.body?.detail || `The decision was refused (${result.status}).`;
    await openItem(sku);
    message(result.status === 409 ? `Overtaken: ${why}` : why);
    return;
  }
  message('');
  await loadQueue();
  const next = desk.queue.find((item) => item.sku !== sku);
  if (next) await openItem(next.sku);
  else { desk.current = null; $('item-body').hidden = true; $('item-empty').hidden = false; }
}

$('approve').addEventListener('click', () =>
  decide(selecting() ? { action: 'select', selections: desk.picks } : { action: 'approve' }));

$('reject').addEventListener('click', () => {
  $('redo').replaceChildren(el('legend', { textContent: 'Shots to make again (none ticked: all)' }),
    ...shots().map((shot) => el('label', {}, el('input', { type: 'checkbox', value: shot.name }), ` ${shot.name} `)));
  $('notes').value = '';
  $('reject-dialog').showModal();
  $('notes').focus();
});

$('reject-form').addEventListener('submit', (event) => {
  if (event.submitter?.value !== 'send') return;
  const redoShots = [...$('redo').querySelectorAll('input:checked')].map((box) => box.value);
  decide({ action: 'reject', notes: $('notes').value, redoShots });
});

document.addEventListener('keydown', (event) => {
  if (document.querySelector('dialog[open]') || event.target.matches('input, textarea, select')) return;
  if (!desk.state) {
    if ((event.key === 'ArrowDown' || event.key === 'j') && desk.queue.length) openItem(desk.queue[0].sku);
    return;
  }
  const all = shots();
  const shot = all[desk.shot];
  const key = event.key;
  if (key === 'ArrowRight' || key === 'ArrowLeft') {
    desk.focus = Math.max(0, Math.min((shot?.candidates.length || 1) - 1, desk.focus + (key === 'ArrowRight' ? 1 : -1)));
  } else if (key === 'ArrowDown' || key === 'ArrowUp') {
    desk.shot = Math.max(0, Math.min(all.length - 1, desk.shot + (key === 'ArrowDown' ? 1 : -1)));
    desk.focus = 0;
  } else if (/^[1-9]$/.test(key) && selecting()) {
    desk.focus = Math.min(Number(key) - 1, (shot?.candidates.length || 1) - 1);
    pick();
    desk.shot = Math.min(all.length - 1, desk.shot + 1);
  } else if (key === ' ' || key === 'Enter') {
    pick();
  } else if (key === 'z' || key === 'Z') {
    const view = shot?.candidates[desk.focus];
    if (view) zoom(image(view.candidate.image), view.candidate.id);
    return;
  } else if (key === 'a' || key === 'A') {
    $('approve').click();
    return;
  } else if ((key === 'r' || key === 'R') && !$('reject').hidden) {
    $('reject').click();
    event.preventDefault();
    return;
  } else if (key === 'j' || key === 'k') {
    const at = desk.queue.findIndex((item) => item.sku === desk.current);
    const next = desk.queue[at + (key === 'j' ? 1 : -1)];
    if (next) openItem(next.sku);
    return;
  } else {
    return;
  }
  event.preventDefault();
  renderItem();
});

start();
