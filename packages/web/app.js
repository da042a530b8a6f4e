// The web page talks to the HTTP API like any other client, with the session cookie.
const $ = (id) => document.getElementById(id);
let cursor = null;

async function api(path, options = {}) {
  const res = await fetch(path, { ...options, headers: { 'content-type': 'application/json', ...(options.headers ?? {}) } });
  if (res.status === 204) return null;
  const body = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(body.detail ?? `HTTP ${res.status}`);
  return body;
}

function summary(a) {
  if (a.kind === 'person') {
    const n = a.person.names[0];
    return `${a.category}: ${[n.family, n.given].filter(Boolean).join(', ') || n.full}${a.person.birthDate ? ` (${a.person.birthDate})` : ''}`;
  }
  if (a.kind === 'document') return `${a.document.issuingState} ${a.document.type} ${a.document.number} (${a.document.status})`;
  return [a.vehicle.vin, a.vehicle.plate && `${a.vehicle.plateCountry} ${a.vehicle.plate}`, a.vehicle.make].filter(Boolean).join(' · ');
}

async function loadAlerts(append) {
  $('alerts-error').textContent = '';
  const params = new URLSearchParams();
  for (const [k, v] of new FormData($('filters'))) if (v) params.set(k, v);
  if (append && cursor) params.set('cursor', cursor);
  try {
    const page = await api(`/api/v1/alerts?${params}`);
    if (!append) $('rows').replaceChildren();
    for (const a of page.items) {
      const tr = document.createElement('tr');
      for (const text of [a.kind, summary(a), a.owner, a.status, a.version, a.updatedAt.slice(0, 16).replace('T', ' ')]) {
        const td = document.createElement('td');
        td.textContent = String(text);
        tr.append(td);
      }
      tr.addEventListener('click', () => showAlert(a.id));
      $('rows').append(tr);
    }
    cursor = page.next;
    $('more').hidden = !cursor;
    $('empty').hidden = $('rows').children.length > 0;
  } catch (e) {
    $('alerts-error').textContent = e.message;
  }
}

async function showAlert(id) {
  const [alert, history] = await Promise.all([api(`/api/v1/alerts/${id}`), api(`/api/v1/alerts/${id}/history`)]);
  $('detail-body').textContent = JSON.stringify(alert, null, 2);
  $('history').replaceChildren(
    ...history.items.map((v) => {
      const li = document.createElement('li');
      li.textContent = `${v.changedAt.slice(0, 16).replace('T', ' ')}: ${v.action}${v.statusReason ? ` (${v.statusReason})` : ''}`;
      return li;
    }),
  );
  $('detail').hidden = false;
}

async function start() {
  try {
    const me = await api('/api/v1/session');
    $('who').textContent = `${me.member} · ${me.role}`;
    $('login').hidden = true;
    $('logout').hidden = false;
    $('alerts').hidden = false;
    await loadAlerts(false);
  } catch {
    $('login').hidden = false;
    $('alerts').hidden = true;
    $('logout').hidden = true;
    $('who').textContent = '';
  }
}

$('login').addEventListener('submit', async (event) => {
  event.preventDefault();
  $('login-error').textContent = '';
  try {
    await api('/api/v1/session', { method: 'POST', body: JSON.stringify(Object.fromEntries(new FormData($('login')))) });
    await start();
  } catch (e) {
    $('login-error').textContent = e.message;
  }
});
$('filters').addEventListener('submit', (event) => {
  event.preventDefault();
  loadAlerts(false);
});
$('more').addEventListener('click', () => loadAlerts(true));
$('logout').addEventListener('click', async () => {
  await api('/api/v1/session', { method: 'DELETE' }).catch(() => null);
  await start();
});
start();
