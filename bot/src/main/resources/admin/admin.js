// Tradewind insight dashboard: plain JS + the bundled Chart.js, no build step.
// Server text is only placed with textContent / attributes, never innerHTML.
(function () {
  'use strict';

  var charts = {};
  var COLORS = ['#1f6feb', '#2da44e', '#d29922', '#cf222e', '#8250df', '#0a7ea4', '#bf3989', '#6e7781',
    '#57ab5a', '#e16f24', '#3fb950', '#a475f9'];
  var OUTCOMES = [
    { key: 'resolved', label: 'resolved (helpful)', color: '#2da44e' },
    { key: 'answered', label: 'answered', color: '#1f6feb' },
    { key: 'handoffs', label: 'handed off', color: '#d29922' },
    { key: 'unanswered', label: 'not answered', color: '#cf222e' }
  ];

  function $(id) { return document.getElementById(id); }

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text != null) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }

  function percent(x) { return (Math.round(x * 1000) / 10).toFixed(1) + ' %'; }

  function showError(message) {
    var e = $('error');
    e.textContent = message;
    e.hidden = !message;
  }

  function request(method, url, body) {
    var options = { method: method, credentials: 'same-origin', headers: { 'Accept': 'application/json' } };
    if (body !== undefined) {
      options.headers['Content-Type'] = 'application/json';
      options.body = JSON.stringify(body);
    }
    return fetch(url, options).then(function (r) {
      if (r.status === 401) {
        window.location.href = '/admin';
        throw new Error('signed out');
      }
      return r.json().then(function (json) {
        if (!r.ok) throw new Error(json && json.error ? json.error : 'HTTP ' + r.status);
        return json;
      });
    });
  }

  function keysOf(days, field) {
    var keys = {};
    days.forEach(function (d) { Object.keys(d[field] || {}).forEach(function (k) { keys[k] = (keys[k] || 0) + d[field][k]; }); });
    return Object.keys(keys).sort(function (a, b) { return keys[b] - keys[a]; }).map(function (k) { return [k, keys[k]]; });
  }

  function draw(id, config) {
    if (typeof window.Chart !== 'function') return;
    if (charts[id]) charts[id].destroy();
    config.options = Object.assign({ responsive: true, maintainAspectRatio: false, animation: false }, config.options || {});
    charts[id] = new window.Chart($(id), config);
  }

  // messages per day, one stacked colour per channel / language / intent (largest first)
  function stackedPerDay(id, days, labels, field) {
    draw(id, {
      type: 'bar',
      data: {
        labels: labels,
        datasets: keysOf(days, field).map(function (kv, i) {
          return { label: kv[0], data: days.map(function (d) { return (d[field] || {})[kv[0]] || 0; }),
            backgroundColor: COLORS[i % COLORS.length] };
        })
      },
      options: { scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true } } }
    });
  }

  function render(data) {
    var days = data.days || [];
    var labels = days.map(function (d) { return d.day.slice(5); });
    var t = data.totals || {};
    $('kpi-messages').textContent = String(t.messages || 0);
    $('kpi-resolution').textContent = percent(data.rates.resolution);
    $('kpi-answer').textContent = percent(data.rates.answer);
    $('kpi-handoff').textContent = percent(data.rates.handoff);
    $('kpi-unanswered').textContent = percent(data.rates.unanswered);
    var l = data.latencyMs || {};
    $('kpi-latency').textContent = l.p50 < 0 ? '–' : '≤' + l.p50 + ' / ' + l.p90 + ' / ' + l.p99 + ' ms';
    $('kpi-cache').textContent = percent(data.answerCacheHitRate || 0);

    stackedPerDay('chart-channels', days, labels, 'byChannel');
    draw('chart-outcomes', {
      type: 'bar',
      data: {
        labels: labels,
        datasets: OUTCOMES.map(function (o) {
          return { label: o.label, data: days.map(function (d) { return d[o.key] || 0; }), backgroundColor: o.color };
        })
      },
      options: { scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true } } }
    });
    stackedPerDay('chart-languages', days, labels, 'byLanguage');
    stackedPerDay('chart-intents', days, labels, 'byIntent');

    renderGaps(data.groups || []);
    renderBackends(data.backends || {}, data.circuits || {});
  }

  function renderGaps(groups) {
    var list = $('gaps');
    list.textContent = '';
    $('gaps-empty').hidden = groups.length > 0;
    groups.forEach(function (g) {
      var li = el('li');
      li.appendChild(el('span', String(g.count), 'count'));
      li.appendChild(el('span', g.label));
      li.appendChild(el('span', ' · ' + g.languages.join(', ') + ' · ' + g.unanswered + ' unanswered, ' + g.downvoted + ' down-voted', 'langs'));
      var sub = el('ul');
      g.examples.slice(1).forEach(function (x) { sub.appendChild(el('li', x)); });
      g.passages.forEach(function (p) {
        var item = el('li', 'shown: ');
        var a = el('a', p.title + (p.section ? ' › ' + p.section : ''));
        a.href = p.url;
        a.target = '_blank';
        a.rel = 'noopener';
        item.appendChild(a);
        sub.appendChild(item);
      });
      if (sub.childNodes.length) li.appendChild(sub);
      list.appendChild(li);
    });
  }

  function renderBackends(backends, circuits) {
    var body = $('backends').querySelector('tbody');
    body.textContent = '';
    var providers = Object.keys(Object.assign({}, backends, circuits)).sort();
    $('backends-empty').hidden = providers.length > 0;
    providers.forEach(function (p) {
      var outcomes = backends[p] || {};
      var calls = 0, errors = 0;
      Object.keys(outcomes).forEach(function (o) { calls += outcomes[o]; if (o !== 'ok') errors += outcomes[o]; });
      var tr = el('tr');
      tr.appendChild(el('td', p));
      tr.appendChild(el('td', String(calls), 'num'));
      tr.appendChild(el('td', String(errors), 'num'));
      tr.appendChild(el('td', circuits[p] || '–'));
      body.appendChild(tr);
    });
  }

  function load() {
    showError('');
    return request('GET', '/admin/api/summary?days=' + encodeURIComponent($('days').value))
      .then(render)
      .catch(function (e) { showError('Could not load the numbers: ' + e.message); });
  }

  function tryQuestion(event) {
    event.preventDefault();
    var body = { q: $('try-q').value };
    var lang = $('try-lang').value.trim();
    if (lang) body.lang = lang;
    request('POST', '/admin/api/try', body).then(function (r) {
      var answer = $('try-answer');
      answer.hidden = false;
      answer.textContent = r.answer ? r.answer : 'No answer: the bot would say it does not know (confidence ' + r.confidence + ').';
      var table = $('try-results');
      var tbody = table.querySelector('tbody');
      tbody.textContent = '';
      r.passages.forEach(function (p, i) {
        var tr = el('tr');
        tr.appendChild(el('td', String(i + 1)));
        var cell = el('td');
        var a = el('a', p.title + (p.section ? ' › ' + p.section : ''));
        a.href = p.url;
        a.target = '_blank';
        a.rel = 'noopener';
        cell.appendChild(a);
        cell.appendChild(el('div', p.snippet, 'snippet'));
        tr.appendChild(cell);
        tr.appendChild(el('td', String(p.score), 'num score'));
        tbody.appendChild(tr);
      });
      table.hidden = false;
      showError('');
    }).catch(function (e) { showError('Search failed: ' + e.message); });
  }

  function reindex() {
    var button = $('reindex');
    button.disabled = true;
    $('reindex-result').textContent = 'Re-indexing…';
    request('POST', '/admin/api/reindex', {}).then(function (r) {
      $('reindex-result').textContent = r.summary;
    }).catch(function (e) {
      $('reindex-result').textContent = 'Re-index failed: ' + e.message;
    }).then(function () { button.disabled = false; });
  }

  document.addEventListener('DOMContentLoaded', function () {
    $('refresh').addEventListener('click', load);
    $('days').addEventListener('change', load);
    $('try').addEventListener('submit', tryQuestion);
    $('reindex').addEventListener('click', reindex);
    load();
  });
})();
