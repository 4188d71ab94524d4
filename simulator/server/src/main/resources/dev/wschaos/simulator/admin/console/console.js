'use strict';
// The wschaos console: every figure comes from the admin API (same token) and /ui/live (one tick a second).
(() => {
  const $ = (id) => document.getElementById(id);
  const WINDOW = 300;
  const COLORS = ['var(--accent)', '#dc2626', '#16a34a', '#d97706', '#7c3aed', '#0891b2', '#db2777', '#65a30d'];
  let token = sessionStorage.getItem('wschaos.token');
  const hash = new URLSearchParams(location.hash.slice(1));
  if (hash.get('token')) {
    token = hash.get('token');
    sessionStorage.setItem('wschaos.token', token);
    history.replaceState(null, '', location.pathname);
  }
  const seconds = [];
  let changes = -1;

  async function api(path, options = {}) {
    const headers = Object.assign({}, options.headers);
    if (token) headers.Authorization = 'Bearer ' + token;
    const response = await fetch(path, Object.assign({}, options, {headers}));
    if (response.status === 401) {
      await askToken();
      return api(path, options);
    }
    return response;
  }

  let asking = null;
  function askToken() {
    if (!asking) {
      asking = new Promise((resolve) => {
        const dialog = $('login');
        dialog.addEventListener('close', () => {
          token = $('login-token').value.trim();
          sessionStorage.setItem('wschaos.token', token);
          asking = null;
          resolve();
        }, {once: true});
        dialog.showModal();
      });
    }
    return asking;
  }

  function status(text, bad) {
    $('status').textContent = text;
    $('status').classList.toggle('bad', !!bad);
  }

  // ---- tabs
  const tabs = [...document.querySelectorAll('[role=tab]')];
  function select(tab) {
    for (const t of tabs) {
      const on = t === tab;
      t.setAttribute('aria-selected', on);
      t.tabIndex = on ? 0 : -1;
      $(t.getAttribute('aria-controls')).hidden = !on;
    }
    tab.focus();
    if (tab.id === 'tab-connections') refreshConnections();
    if (tab.id === 'tab-report') refreshReport();
    if (tab.id === 'tab-plan') {
      if (!$('plan-text').value) loadPlan();
      refreshTimeline();
      refreshTls();
    }
  }
  tabs.forEach((t, i) => {
    t.addEventListener('click', () => select(t));
    t.addEventListener('keydown', (e) => {
      const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
      if (step) select(tabs[(i + step + tabs.length) % tabs.length]);
    });
  });

  // ---- live: Server-Sent Events read with fetch, so the token goes in a header
  async function live() {
    try {
      const response = await api('/ui/live', {headers: {Accept: 'text/event-stream'}});
      if (!response.ok) throw new Error('HTTP ' + response.status);
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const {value, done} = await reader.read();
        if (done) break;
        buffer += value;
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          onEvent(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
        }
      }
      throw new Error('stream ended');
    } catch (e) {
      status('disconnected from the simulator (' + e.message + '); retrying…', true);
      setTimeout(live, 2000);
    }
  }

  function onEvent(text) {
    let type = 'message';
    let data = '';
    for (const line of text.split('\n')) {
      if (line.startsWith('event: ')) type = line.slice(7);
      else if (line.startsWith('data: ')) data += line.slice(6);
    }
    const body = JSON.parse(data);
    if (type === 'changes') {
      connectionsMoved(body.changes);
      return;
    }
    if (type === 'history') {
      seconds.length = 0;
      seconds.push(...body.seconds);
    } else if (type === 'tick') {
      const last = seconds[seconds.length - 1];
      if (last && last.t === body.second.t) seconds[seconds.length - 1] = body.second;
      else seconds.push(body.second);
      while (seconds.length > WINDOW) seconds.shift();
    }
    status('plan ' + body.plan + (body.listening ? ' · listening' : ' · OUTAGE: not listening'), !body.listening);
    connectionsMoved(body.changes);
    if (!$('view-plan').hidden) refreshTimeline();
    drawLive();
  }

  function connectionsMoved(count) {
    if (count !== changes) {
      changes = count;
      if (!$('view-connections').hidden) refreshConnections();
    }
  }

  function sum(key) {
    let n = 0;
    for (const s of seconds) for (const v of Object.values(s[key])) n += v;
    return n;
  }

  function byKey(key) {
    const keys = new Set();
    for (const s of seconds) for (const k of Object.keys(s[key])) keys.add(k);
    return [...keys].sort().map((k) => ({name: k, values: seconds.map((s) => s[key][k] || 0)}));
  }

  function drawLive() {
    const last = seconds[seconds.length - 1];
    if (!last) return;
    $('open').textContent = last.open;
    $('ups').textContent = last.upgrades;
    $('rej').textContent = sum('rejections');
    $('clo').textContent = sum('closes');
    chart($('chart-open'), [{name: 'open', values: seconds.map((s) => s.open)}]);
    chart($('chart-upgrades'), [{name: 'upgrades', values: seconds.map((s) => s.upgrades)}]);
    legend($('legend-rejections'), chart($('chart-rejections'), byKey('rejections')), 'HTTP ');
    legend($('legend-closes'), chart($('chart-closes'), byKey('closes')), '');
  }

  const SVG = 'http://www.w3.org/2000/svg';
  function el(name, attrs, parent) {
    const node = document.createElementNS(SVG, name);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
    if (parent) parent.appendChild(node);
    return node;
  }

  function chart(svg, series) {
    const w = 600, h = 150, left = 34, bottom = 18;
    svg.setAttribute('viewBox', `0 0 ${w} ${h}`);
    svg.setAttribute('preserveAspectRatio', 'none');
    svg.replaceChildren();
    let max = 1;
    for (const s of series) for (const v of s.values) max = Math.max(max, v);
    const top = Math.ceil(max * 1.15);
    const x = (i) => left + (w - left - 4) * i / (WINDOW - 1);
    const y = (v) => 6 + (h - bottom - 6) * (1 - v / top);
    for (const v of [0, Math.round(top / 2), top]) {
      el('line', {class: 'grid', x1: left, x2: w, y1: y(v), y2: y(v)}, svg);
      el('text', {class: 'tick', x: left - 4, y: y(v) + 3, 'text-anchor': 'end'}, svg).textContent = v;
    }
    for (const [label, i] of [['-5 min', 0], ['-2.5 min', 150], ['now', WINDOW - 1]]) {
      el('text', {class: 'tick', x: x(i), y: h - 4, 'text-anchor': i ? (i === WINDOW - 1 ? 'end' : 'middle') : 'start'}, svg)
        .textContent = label;
    }
    series.forEach((s, n) => {
      const offset = WINDOW - s.values.length;
      const points = s.values.map((v, i) => x(i + offset).toFixed(1) + ',' + y(v).toFixed(1)).join(' ');
      el('polyline', {class: 'line', points, style: 'stroke:' + COLORS[n % COLORS.length]}, svg);
    });
    return series;
  }

  function legend(node, series, prefix) {
    node.replaceChildren(...series.map((s, n) => {
      const item = document.createElement('span');
      const swatch = document.createElement('i');
      swatch.style.background = COLORS[n % COLORS.length];
      item.append(swatch, prefix + s.name + ': ' + s.values.reduce((a, b) => a + b, 0));
      return item;
    }));
    if (!series.length) node.textContent = 'none in the last 5 minutes';
  }

  // ---- connections
  let listing = null;
  async function refreshConnections() {
    if (listing) return listing;
    listing = (async () => {
      const q = new URLSearchParams();
      if ($('f-client').value.trim()) q.set('clientId', $('f-client').value.trim());
      if ($('f-path').value.trim()) q.set('path', $('f-path').value.trim());
      const response = await api('/connections?' + q);
      const list = await response.json();
      if (!response.ok) {
        $('conn-count').textContent = list.detail;
        return;
      }
      const now = Date.now();
      $('connections').tBodies[0].replaceChildren(...list.map((c) => row(c, now)));
      $('conn-count').textContent = list.length + ' open';
    })().finally(() => { listing = null; });
    return listing;
  }

  const NUMERIC = new Set([0, 3, 4, 6]);
  function row(c, now) {
    const tr = document.createElement('tr');
    tr.dataset.client = c.clientId || '';
    const cells = [c.id, c.clientId || '(anonymous)', c.path, c.attempt,
      Math.max(0, Math.round((now - Date.parse(c.openedAt)) / 1000)) + ' s',
      (c.faultsApplied || []).join(', ') || '-', c.messagesIn + ' / ' + c.messagesOut];
    cells.forEach((v, i) => {
      const td = document.createElement('td');
      td.textContent = v;
      if (NUMERIC.has(i)) td.className = 'num';
      tr.appendChild(td);
    });
    const actions = document.createElement('td');
    for (const type of ['close', 'drop', 'reset', 'half-open']) {
      const b = document.createElement('button');
      b.textContent = type;
      b.dataset.action = type;
      b.className = type === 'close' ? '' : 'danger';
      b.setAttribute('aria-label', type + ' connection ' + c.id + ' of ' + (c.clientId || 'an anonymous client'));
      b.addEventListener('click', () => connectionAction(type, c));
      actions.appendChild(b);
    }
    tr.appendChild(actions);
    return tr;
  }

  async function connectionAction(type, c) {
    const match = {path: c.path, attempt: String(c.attempt)};
    if (c.clientId) match.clientId = c.clientId;
    const action = {type, count: 1, match};
    if (type === 'close') {
      action.code = Number($('c-code').value);
      action.reason = 'closed from the console';
    }
    $('conn-result').textContent = type + ' connection ' + c.id + ': ' + await act(action);
    refreshConnections();
  }

  async function act(action) {
    const response = await api('/actions', {method: 'POST', headers: {'Content-Type': 'application/json'},
      body: JSON.stringify(action)});
    const body = await response.json();
    return response.ok ? body.action + ': ' + body.selected + ' selected' : problemText(body);
  }

  function problemText(body) {
    const problems = (body.problems || []).map((p) => (p.field ? p.field + ': ' : '') + p.message);
    return problems.length ? problems.join('; ') : body.detail;
  }

  let filterTimer;
  $('filter').addEventListener('input', () => {
    clearTimeout(filterTimer);
    filterTimer = setTimeout(refreshConnections, 200);
  });
  $('filter').addEventListener('submit', (e) => { e.preventDefault(); refreshConnections(); });

  // ---- plan
  async function loadPlan() {
    const response = await api('/plan', {headers: {Accept: 'application/yaml'}});
    setPlanText(await response.text());
    showProblems([]);
    $('plan-result').textContent = 'the plan in force';
  }

  function setPlanText(text) {
    $('plan-text').value = text;
    gutter([]);
  }

  function gutter(badLines) {
    const lines = $('plan-text').value.split('\n').length;
    const bad = new Set(badLines);
    const spans = [];
    for (let i = 1; i <= lines; i++) {
      const span = document.createElement('span');
      span.textContent = i;
      if (bad.has(i)) {
        span.className = 'bad';
        span.title = 'problem on line ' + i;
      }
      spans.push(span);
    }
    $('plan-gutter').replaceChildren(...spans);
    $('plan-gutter').scrollTop = $('plan-text').scrollTop;
  }

  let problemLines = [];
  function showProblems(problems) {
    problemLines = problems.filter((p) => p.line).map((p) => p.line);
    gutter(problemLines);
    $('plan-problems').replaceChildren(...problems.map((p) => {
      const li = document.createElement('li');
      const where = p.line ? 'line ' + p.line + (p.column ? ', column ' + p.column : '') : 'plan';
      const jump = document.createElement('button');
      jump.textContent = where;
      jump.addEventListener('click', () => goToLine(p.line || 1));
      li.dataset.line = p.line || '';
      li.append(jump, ': ' + (p.field ? p.field + ': ' : '') + p.message);
      return li;
    }));
  }

  function goToLine(line) {
    const area = $('plan-text');
    const lines = area.value.split('\n');
    let start = 0;
    for (let i = 0; i < line - 1 && i < lines.length; i++) start += lines[i].length + 1;
    area.focus();
    area.setSelectionRange(start, start + (lines[line - 1] || '').length);
    area.scrollTop = Math.max(0, (line - 5) * 20);
  }

  $('plan-text').addEventListener('input', () => gutter(problemLines));
  $('plan-text').addEventListener('scroll', () => { $('plan-gutter').scrollTop = $('plan-text').scrollTop; });

  $('plan-apply').addEventListener('click', async () => {
    const response = await api('/plan', {method: 'PUT', headers: {'Content-Type': 'application/yaml'},
      body: $('plan-text').value});
    const body = await response.json();
    if (response.ok) {
      showProblems([]);
      $('plan-result').textContent = 'applied: plan ' + body.name;
      refreshTimeline();
      refreshTls();
    } else {
      showProblems(body.problems && body.problems.length ? body.problems : [{message: body.detail}]);
      $('plan-result').textContent = 'not applied: ' + (body.problems ? body.problems.length : 1)
        + ' problem(s); the plan in force did not change';
    }
  });
  $('plan-reload').addEventListener('click', loadPlan);
  $('plan-revert').addEventListener('click', async () => {
    const name = $('plan-builtin').value;
    const response = await api('/ui/plans/' + encodeURIComponent(name));
    setPlanText(await response.text());
    $('plan-apply').click();
  });

  async function loadBuiltIns() {
    const response = await api('/ui/plans');
    const plans = await response.json();
    $('plan-builtin').replaceChildren(...Object.entries(plans).map(([name, description]) => {
      const option = document.createElement('option');
      option.value = name;
      option.textContent = name;
      option.title = description;
      return option;
    }));
  }

  // ---- timeline: steps fire at the plan's start + at, then every `every`
  let timelineBusy = false;
  async function refreshTimeline() {
    if (timelineBusy) return;
    timelineBusy = true;
    try {
      const response = await api('/ui/timeline');
      const t = await response.json();
      if (!response.ok) return;
      const started = new Date(t.startedAt);
      const ago = Math.max(0, Math.round((Date.parse(t.now) - started) / 1000));
      $('timeline-start').textContent = 'plan ' + t.plan + ' started at ' + clock(started)
        + ' (' + ago + ' s ago); steps fire at that time + at'
        + (t.steps.length ? '' : '. This plan has no timeline.');
      $('timeline').hidden = !t.steps.length;
      $('timeline').tBodies[0].replaceChildren(...t.steps.map((step) => {
        const tr = document.createElement('tr');
        const next = step.nextAt ? 'in ' + Math.ceil(step.nextInMillis / 1000) + ' s ('
          + clock(new Date(step.nextAt)) + ')' : 'done';
        [step.label, step.what, step.at, step.every || '-', step.lasting || '-', step.fired, next].forEach((v, i) => {
          const td = document.createElement('td');
          td.textContent = v;
          if (i === 1) td.className = 'wrap';
          if (i >= 2 && i <= 5) td.className = 'num';
          tr.appendChild(td);
        });
        return tr;
      }));
    } finally {
      timelineBusy = false;
    }
  }

  function clock(date) {
    return date.toTimeString().slice(0, 8);
  }

  // ---- TLS profile of the plan's wss port
  async function refreshTls() {
    const response = await api('/ui/tls');
    const tls = await response.json();
    if (!response.ok) return;
    $('tls-profile').replaceChildren(...tls.profiles.map((p) => {
      const option = document.createElement('option');
      option.value = p.id;
      option.textContent = p.id + ' (' + p.kind + '): ' + p.summary;
      option.selected = p.id === tls.profile;
      return option;
    }));
    $('tls-profile').disabled = !tls.enabled;
    $('tls-apply').disabled = !tls.enabled;
    $('tls-reason').textContent = tls.enabled ? 'in force: ' + tls.profile : tls.reason;
  }

  $('tls').addEventListener('submit', async (e) => {
    e.preventDefault();
    const plan = await (await api('/plan', {headers: {Accept: 'application/json'}})).json();
    const policy = {profile: $('tls-profile').value, hosts: (plan.tls && plan.tls.hosts) || {}};
    const response = await api('/plan/tls', {method: 'PUT', headers: {'Content-Type': 'application/json'},
      body: JSON.stringify(policy)});
    const body = await response.json();
    $('tls-reason').textContent = response.ok ? 'in force: ' + policy.profile + ' (from the next handshake)'
      : 'not switched: ' + problemText(body);
  });

  // ---- fleet actions
  function showFields() {
    const type = $('a-type').value;
    for (const label of document.querySelectorAll('#fleet [data-for]')) {
      label.hidden = !label.dataset.for.split(' ').includes(type);
    }
  }
  $('a-type').addEventListener('change', showFields);

  // A fleet action is a POST /actions; capacity is an edit of the plan's limits (PUT or DELETE /plan/limits).
  function fleetRequest() {
    const type = $('a-type').value;
    if (type === 'capacity') return {method: 'PUT', path: '/plan/limits', body: limits()};
    if (type === 'capacity-clear') return {method: 'DELETE', path: '/plan/limits'};
    return {method: 'POST', path: '/actions', body: fleetAction(type)};
  }

  function limits() {
    const out = {};
    if ($('l-max').value !== '') {
      out.maxConnections = Number($('l-max').value);
      out.overCapacity = $('l-over').value;
    }
    if ($('l-retry').value.trim()) out.retryAfter = $('l-retry').value.trim();
    if ($('l-rate').value !== '') {
      out.acceptRate = {perSecond: Number($('l-rate').value)};
      if ($('l-status').value !== '') out.acceptRate.status = Number($('l-status').value);
    }
    return out;
  }

  async function send(request) {
    if (request.path === '/actions') return act(request.body);
    const options = {method: request.method, headers: {'Content-Type': 'application/json'}};
    if (request.body) options.body = JSON.stringify(request.body);
    const response = await api(request.path, options);
    const body = await response.json();
    if (!response.ok) return problemText(body);
    return body.limits ? 'limits now ' + JSON.stringify(body.limits) : 'no limits now';
  }

  function fleetAction(type) {
    const action = {type};
    if (type === 'outage') {
      action.duration = $('a-duration').value.trim();
      return action;
    }
    if (type === 'half-open' && $('a-for').value.trim()) action.for = $('a-for').value.trim();
    if (type === 'close') {
      action.code = Number($('a-code').value);
      if ($('a-reason').value) action.reason = $('a-reason').value;
    }
    if ($('a-share').value !== '') action.share = Number($('a-share').value);
    if ($('a-client').value.trim()) action.match = {clientId: $('a-client').value.trim()};
    if ($('a-spread').value.trim()) action.spread = $('a-spread').value.trim();
    return action;
  }

  $('fleet').addEventListener('submit', (e) => {
    e.preventDefault();
    const request = fleetRequest();
    $('confirm-body').textContent = request.method + ' ' + request.path
      + (request.body ? '\n' + JSON.stringify(request.body, null, 2) : '');
    const dialog = $('confirm');
    dialog.returnValue = '';
    dialog.addEventListener('close', async () => {
      if (dialog.returnValue === 'ok') $('fleet-result').textContent = await send(request);
      else $('fleet-result').textContent = 'cancelled';
    }, {once: true});
    dialog.showModal();
  });

  // ---- report
  async function refreshReport() {
    const response = await api('/ui/report');
    $('report').srcdoc = await response.text();
  }
  $('report-refresh').addEventListener('click', refreshReport);

  showFields();
  live();
  loadBuiltIns();
})();
