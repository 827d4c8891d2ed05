// Tradewind web chat: plain JS, no framework, no build step.
// Server text is only ever placed with textContent / attributes, never innerHTML.
(function () {
  'use strict';

  var API_URL = 'api/v1/messages';
  var USER_KEY = 'tradewind.chat.user';
  var STATE_KEY = 'tradewind.chat.state.v1';
  var MAX_HISTORY = 200;
  var TIMEOUT_MS = 30000;
  var POLL_MS = 3000; // how often a page in hand-off asks for what staff wrote

  // "a person will answer here", in the languages the bot understands
  var HANDOFF_NOTE = {
    en: 'A person from our team will answer here.',
    es: 'Una persona de nuestro equipo te responderá aquí.',
    pt: 'Uma pessoa da nossa equipe responderá aqui.',
    fr: 'Une personne de notre équipe vous répondra ici.',
    de: 'Eine Person aus unserem Team antwortet Ihnen hier.',
    it: 'Una persona del nostro team ti risponderà qui.',
    pl: 'Odpowie Ci tutaj osoba z naszego zespołu.',
    ru: 'Здесь вам ответит сотрудник нашей команды.',
    uk: 'Тут вам відповість співробітник нашої команди.',
    tr: 'Ekibimizden bir kişi size burada yanıt verecek.',
    ar: 'سيرد عليك أحد أعضاء فريقنا هنا.',
    zh: '我们的工作人员会在这里回复您。',
    ja: '担当者がこちらでお返事します。',
    ko: '담당자가 여기에서 답변해 드립니다.'
  };

  var els = {
    scroller: document.getElementById('scroller'),
    list: document.getElementById('messages'),
    welcome: document.getElementById('welcome'),
    typing: document.getElementById('typing'),
    error: document.getElementById('error'),
    form: document.getElementById('composer'),
    input: document.getElementById('input'),
    send: document.getElementById('send'),
    reset: document.getElementById('new-conversation')
  };

  var store = openStorage();
  var customerToken = takeCustomerToken();
  var userId = loadUserId();
  var state = loadState();
  var busy = false;
  var epoch = 0; // bumped by "New conversation" so a late answer is not added to the new one

  // ---------------------------------------------------------------- storage

  function openStorage() {
    try {
      var probe = '__tradewind_probe__';
      window.localStorage.setItem(probe, probe);
      window.localStorage.removeItem(probe);
      return window.localStorage;
    } catch (e) {
      // private mode or storage disabled: keep everything in memory for this page
      var memory = {};
      return {
        getItem: function (k) { return Object.prototype.hasOwnProperty.call(memory, k) ? memory[k] : null; },
        setItem: function (k, v) { memory[k] = String(v); },
        removeItem: function (k) { delete memory[k]; }
      };
    }
  }

  // A shop that embeds the chat passes its signed customer token in the fragment
  // (index.html#customer_token=v1...), which browsers never send to a server nor write to its
  // logs. It is kept for this tab only and removed from the address bar at once.
  function takeCustomerToken() {
    var key = 'tradewind.chat.customerToken';
    var session = null;
    try { session = window.sessionStorage; } catch (e) { session = null; }
    var match = /(?:^#|&)customer_token=([^&]+)/.exec(window.location.hash || '');
    if (match) {
      var token = decodeURIComponent(match[1]);
      try { if (session) session.setItem(key, token); } catch (e) { /* memory only */ }
      window.history.replaceState(null, '', window.location.pathname + window.location.search);
      return token;
    }
    try { return session ? session.getItem(key) : null; } catch (e) { return null; }
  }

  function randomId() {
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes); // works on plain http too, unlike randomUUID
    var hex = '';
    for (var i = 0; i < bytes.length; i++) {
      hex += (bytes[i] < 16 ? '0' : '') + bytes[i].toString(16);
    }
    return 'web-' + hex;
  }

  function loadUserId() {
    var id = null;
    try { id = store.getItem(USER_KEY); } catch (e) { id = null; }
    if (!id || !/^[\w.-]{1,200}$/.test(id)) {
      id = randomId();
      try { store.setItem(USER_KEY, id); } catch (e) { /* memory only */ }
    }
    return id;
  }

  function emptyState() {
    return { conversation: null, handoff: false, history: [], staffSeq: 0 };
  }

  function loadState() {
    var raw = null;
    try { raw = store.getItem(STATE_KEY); } catch (e) { raw = null; }
    if (!raw) return emptyState();
    try {
      var parsed = JSON.parse(raw);
      var s = emptyState();
      if (typeof parsed.conversation === 'string' && parsed.conversation) s.conversation = parsed.conversation;
      s.handoff = parsed.handoff === true;
      if (typeof parsed.staffSeq === 'number' && parsed.staffSeq >= 0) s.staffSeq = parsed.staffSeq;
      if (Array.isArray(parsed.history)) {
        s.history = parsed.history.map(cleanEntry).filter(Boolean).slice(-MAX_HISTORY);
      }
      return s;
    } catch (e) {
      return emptyState();
    }
  }

  function saveState() {
    if (state.history.length > MAX_HISTORY) state.history = state.history.slice(-MAX_HISTORY);
    try {
      store.setItem(STATE_KEY, JSON.stringify(state));
    } catch (e) {
      // quota exceeded: keep the newest half and try once more
      state.history = state.history.slice(-Math.floor(MAX_HISTORY / 2));
      try { store.setItem(STATE_KEY, JSON.stringify(state)); } catch (e2) { /* give up quietly */ }
    }
  }

  // ------------------------------------------------------- history entries

  function str(value) {
    return typeof value === 'string' ? value : (value == null ? '' : String(value));
  }

  function cleanLanguage(value) {
    return typeof value === 'string' && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(value) ? value : '';
  }

  // Validates one entry (from the server or from storage) into {kind, text, language, buttons, sources}.
  function cleanEntry(e) {
    if (!e || typeof e !== 'object') return null;
    var kind = e.kind;
    if (kind !== 'user' && kind !== 'bot' && kind !== 'note' && kind !== 'staff') return null;
    var entry = { kind: kind, text: str(e.text), language: cleanLanguage(e.language) };
    if (kind === 'bot') {
      entry.buttons = (Array.isArray(e.buttons) ? e.buttons : [])
        .filter(function (b) { return b && typeof b === 'object' && str(b.label).trim(); })
        .map(function (b) { return { id: str(b.id), label: str(b.label) }; });
      entry.sources = (Array.isArray(e.sources) ? e.sources : [])
        .filter(function (s) { return s && typeof s === 'object'; })
        .map(function (s) {
          return { title: str(s.title), section: str(s.section), path: str(s.path), url: str(s.url) };
        });
    }
    return entry;
  }

  function botEntry(reply, fallbackLanguage) {
    return cleanEntry({
      kind: 'bot',
      text: reply.text,
      language: reply.language || fallbackLanguage,
      buttons: reply.buttons,
      sources: reply.sources
    });
  }

  function handoffEntry(language) {
    var lang = cleanLanguage(language);
    var base = lang ? lang.split('-')[0].toLowerCase() : 'en';
    var known = Object.prototype.hasOwnProperty.call(HANDOFF_NOTE, base);
    return { kind: 'note', text: known ? HANDOFF_NOTE[base] : HANDOFF_NOTE.en, language: known ? base : 'en' };
  }

  // Only http(s) links, resolved against the page; falls back to /kb/<path> when url is missing.
  function safeHref(source) {
    var raw = source.url;
    if (!raw && source.path) {
      raw = 'kb/' + source.path.split('/').map(encodeURIComponent).join('/');
    }
    if (!raw) return null;
    try {
      var u = new URL(raw, document.baseURI);
      return (u.protocol === 'http:' || u.protocol === 'https:') ? u.href : null;
    } catch (e) {
      return null;
    }
  }

  // ---------------------------------------------------------------- render

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text != null) node.textContent = text;
    return node;
  }

  function renderEntry(entry) {
    var li = el('li', 'msg msg-' + entry.kind);
    if (entry.kind === 'note') {
      var note = el('p', 'note bubble', entry.text);
      note.setAttribute('dir', 'auto');
      if (entry.language) note.lang = entry.language;
      li.appendChild(note);
      return li;
    }

    li.appendChild(el('span', 'visually-hidden',
      entry.kind === 'user' ? 'You:' : entry.kind === 'staff' ? 'Our team:' : 'Tradewind:'));
    var bubble = el('div', 'bubble');
    bubble.setAttribute('dir', 'auto');
    if (entry.language) bubble.lang = entry.language;
    bubble.appendChild(el('p', 'text', entry.text));

    if (entry.kind === 'bot' && entry.sources.length) {
      var box = el('div', 'sources');
      box.appendChild(el('p', 'sources-label', 'Sources'));
      var ul = el('ul', 'sources-list');
      entry.sources.forEach(function (s) {
        var label = [s.title || s.path, s.section].filter(function (x) { return x && x.trim(); }).join(' › ');
        if (!label) return;
        var href = safeHref(s);
        var item = el('li');
        if (href) {
          var a = el('a', 'source-link', label);
          a.href = href;
          a.target = '_blank';
          a.rel = 'noopener noreferrer';
          if (s.path) a.title = s.path;
          a.appendChild(el('span', 'visually-hidden', ' (opens in a new tab)'));
          item.appendChild(a);
        } else {
          item.appendChild(el('span', 'source-text', label));
        }
        ul.appendChild(item);
      });
      box.appendChild(ul);
      bubble.appendChild(box);
    }
    li.appendChild(bubble);

    if (entry.kind === 'bot' && entry.buttons.length) {
      var row = el('div', 'quick-replies');
      row.setAttribute('role', 'group');
      row.setAttribute('aria-label', 'Suggested answers');
      row.setAttribute('dir', 'auto');
      if (entry.language) row.lang = entry.language;
      entry.buttons.forEach(function (b) {
        var btn = el('button', 'quick-reply', b.label);
        btn.type = 'button';
        btn.setAttribute('data-action', b.id);
        btn.addEventListener('click', function () {
          if (busy || btn.disabled) return;
          send(b.label, b.id || null, false);
        });
        row.appendChild(btn);
      });
      li.appendChild(row);
    }
    return li;
  }

  function appendEntry(entry) {
    var li = renderEntry(entry);
    els.list.appendChild(li);
    els.welcome.hidden = true;
    return li;
  }

  function renderAll() {
    els.list.setAttribute('aria-busy', 'true');
    els.list.textContent = '';
    state.history.forEach(appendEntry);
    els.welcome.hidden = state.history.length > 0;
    els.list.setAttribute('aria-busy', 'false');
    refreshQuickReplies();
    scrollToBottom();
  }

  // Suggested answers only make sense on the newest message: older ones are hidden.
  function refreshQuickReplies() {
    var items = els.list.children;
    var last = items.length ? items[items.length - 1] : null;
    var groups = els.list.querySelectorAll('.quick-replies');
    for (var i = 0; i < groups.length; i++) {
      var current = groups[i].parentNode === last;
      groups[i].hidden = !current;
      var buttons = groups[i].querySelectorAll('button');
      for (var j = 0; j < buttons.length; j++) buttons[j].disabled = !current || busy;
    }
  }

  function scrollToBottom() {
    els.scroller.scrollTop = els.scroller.scrollHeight;
  }

  function setBusy(value) {
    busy = value;
    els.send.disabled = value;
    // read-only rather than disabled: the phone keyboard stays open and the draft keeps focus
    els.input.readOnly = value;
    els.input.setAttribute('aria-disabled', value ? 'true' : 'false');
    els.form.setAttribute('aria-busy', value ? 'true' : 'false');
    els.typing.hidden = !value;
    refreshQuickReplies();
    if (value) scrollToBottom();
  }

  function showError(message) {
    els.error.textContent = message;
    els.error.hidden = false;
  }

  function hideError() {
    els.error.hidden = true;
    els.error.textContent = '';
  }

  function autosize() {
    els.input.style.height = 'auto';
    els.input.style.height = Math.min(els.input.scrollHeight, 160) + 'px';
  }

  // ------------------------------------------------------------------ send

  function postMessage(payload) {
    var controller = typeof AbortController === 'function' ? new AbortController() : null;
    var timer = controller ? setTimeout(function () { controller.abort(); }, TIMEOUT_MS) : null;
    var done = function () { if (timer) clearTimeout(timer); };
    return fetch(API_URL, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
      body: JSON.stringify(payload),
      credentials: 'same-origin',
      signal: controller ? controller.signal : undefined
    }).then(function (res) {
      return res.text().then(function (body) {
        done();
        var data = null;
        try { data = body ? JSON.parse(body) : null; } catch (e) { data = null; }
        if (!res.ok) {
          var msg = data && typeof data.error === 'string' && data.error.trim()
            ? data.error
            : 'The server answered with an error (' + res.status + ').';
          throw new Error(msg);
        }
        if (!data || typeof data !== 'object') throw new Error('The server sent an answer this page cannot read.');
        return data;
      });
    }, function (err) {
      done();
      throw new Error(err && err.name === 'AbortError'
        ? 'The server took too long to answer. Please try again.'
        : 'Could not reach the server. Check your connection and try again.');
    });
  }

  function send(text, action, fromComposer) {
    if (busy || !text || !text.trim()) return;
    var myEpoch = epoch;
    hideError();
    var userEntry = { kind: 'user', text: text, language: '' };
    var userLi = appendEntry(userEntry);
    if (fromComposer) {
      els.input.value = '';
      autosize();
    }
    setBusy(true);

    var payload = { user: userId, text: text, channel: 'web' };
    if (state.conversation) payload.conversation = state.conversation;
    if (action) payload.action = action;
    if (customerToken) payload.customer_token = customerToken;

    postMessage(payload).then(function (data) {
      if (myEpoch !== epoch) return;
      var added = [userEntry];
      if (typeof data.conversation === 'string' && data.conversation) state.conversation = data.conversation;
      var reply = data.reply && typeof data.reply === 'object' ? botEntry(data.reply, data.language) : null;
      if (reply && (reply.text.trim() || reply.buttons.length || reply.sources.length)) {
        added.push(reply);
        appendEntry(reply);
      }
      if (data.handoff === true) {
        if (!state.handoff) { // one note when a person takes over, not one per message
          var note = handoffEntry(data.language || (reply && reply.language));
          added.push(note);
          appendEntry(note);
        }
        state.handoff = true;
      } else {
        state.handoff = false;
      }
      state.history = state.history.concat(added);
      saveState();
    }, function (err) {
      if (myEpoch !== epoch) return;
      userLi.classList.add('msg-failed');
      userLi.appendChild(el('span', 'failed-mark', 'Not sent'));
      showError(err.message);
      if (fromComposer && !els.input.value) { // give the draft back for a retry
        els.input.value = text;
        autosize();
      }
    }).then(function () {
      if (myEpoch !== epoch) return;
      setBusy(false);
      scrollToBottom();
      if (fromComposer) els.input.focus();
    });
  }

  // ------------------------------------------------------------ hand-off

  // While a person has the conversation, their replies arrive here instead of as answers.
  function pollStaff() {
    if (!state.handoff || !state.conversation || busy) return;
    var conversation = state.conversation;
    var myEpoch = epoch;
    fetch('api/v1/conversations/' + encodeURIComponent(conversation) + '/updates?after=' + state.staffSeq, {
      headers: { 'Accept': 'application/json' },
      credentials: 'same-origin'
    }).then(function (res) {
      return res.ok ? res.json() : null;
    }).then(function (data) {
      if (!data || myEpoch !== epoch || state.conversation !== conversation) return;
      var added = [];
      (Array.isArray(data.messages) ? data.messages : []).forEach(function (m) {
        if (!m || typeof m.seq !== 'number' || m.seq <= state.staffSeq) return;
        state.staffSeq = m.seq;
        var entry = cleanEntry({ kind: m.from === 'staff' ? 'staff' : 'bot', text: str(m.text), language: '' });
        if (entry && entry.text.trim()) {
          added.push(entry);
          appendEntry(entry);
        }
      });
      if (data.handoff === false) state.handoff = false;
      if (added.length) {
        state.history = state.history.concat(added);
        refreshQuickReplies();
        scrollToBottom();
      }
      saveState();
    }, function () { /* offline for a moment: the next poll tries again */ });
  }

  setInterval(pollStaff, POLL_MS);

  function newConversation() {
    epoch++;
    state = emptyState();
    saveState();
    hideError();
    setBusy(false);
    renderAll();
    els.input.value = '';
    autosize();
    els.input.focus();
  }

  // ---------------------------------------------------------------- events

  els.form.addEventListener('submit', function (e) {
    e.preventDefault();
    send(els.input.value, null, true);
  });

  els.input.addEventListener('keydown', function (e) {
    // Enter sends, Shift+Enter is a new line; never while an IME (Chinese, Japanese…) is composing
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing && e.keyCode !== 229) {
      e.preventDefault();
      send(els.input.value, null, true);
    }
  });

  els.input.addEventListener('input', autosize);

  els.reset.addEventListener('click', function (e) {
    e.preventDefault();
    newConversation();
  });

  // another tab of the same browser changed the conversation
  window.addEventListener('storage', function (e) {
    if (e.key !== STATE_KEY || busy) return;
    state = loadState();
    renderAll();
  });

  renderAll();
  setBusy(false);
}());
