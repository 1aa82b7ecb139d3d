// The demo's operator page: a support specialist's view over the agent API (GET /api/v1/agent/tickets pages
// summaries, GET /api/v1/agent/tickets/{id} reads the opened one, POST /api/v1/agent/tickets/{id}/status,
// GET /api/v1/agent/stats gives the share of ratings 4–5). Plain JS, everything built with createElement/textContent.
// Which moves are legal is the server's business: every specialist move is offered, a refused one shows the
// server's message (409 for an illegal transition, 422 when the move needs a text).
(() => {
  const API = `${location.origin}/api/v1`;
  const REFRESH_MS = 4000;
  const PAGE_SIZE = 50;
  const STATUS_LABELS = {
    registered: 'Обращение зарегистрировано',
    processing: 'Обращение в обработке',
    clarification_requested: 'Техподдержке требуется уточнение',
    clarification_sent: 'Уточнение техподдержке отправлено',
    in_progress: 'Обращение в работе',
    answered: 'Ответ техподдержки',
    cancelled: 'Обращение отменено',
    resolved: 'Вопрос решён',
    suggestion: 'Предложения по СДО',
  };
  /** What a specialist may set (the others belong to the system or the reporter), and the button's wording. */
  const MOVES = [
    ['processing', 'Взять в обработку'],
    ['clarification_requested', 'Запросить уточнение'],
    ['in_progress', 'В работу'],
    ['answered', 'Ответить'],
    ['suggestion', 'Это предложение по СДО'],
    ['resolved', 'Вопрос решён'],
  ];
  const CATEGORY_LABELS = {
    course: 'Курс или учебный материал',
    test: 'Тест',
    order: 'Заявка на обучение',
    document: 'Документ формируется неправильно',
    technical: 'Ошибка в работе СДО',
    suggestion: 'Предложение по доработке СДО или курсов',
    other: 'Другой вопрос',
  };
  const PRIORITY_LABELS = { high: 'высокий', normal: 'обычный', low: 'низкий' };
  const ACTOR_LABELS = { reporter: 'Пользователь', support: 'Специалист', system: 'Система' };
  const ROLE_LABELS = { administrator: 'администратор', manager: 'менеджер', teacher: 'преподаватель', editor: 'редактор', listener: 'слушатель', agent: 'агент', contractor: 'контрагент' };
  const IMPACT_LABELS = { blocks_everyone: 'мешает всей организации', blocks_me: 'мешает пользователю', minor: 'неудобно или вопрос' };

  const $ = (id) => document.getElementById(id);
  const dateTime = new Intl.DateTimeFormat('ru-RU', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Moscow' });
  const when = (iso) => `${dateTime.format(new Date(iso))} МСК`;
  const clock = new Intl.DateTimeFormat('ru-RU', { timeStyle: 'medium', timeZone: 'Europe/Moscow' });
  /** «1 оценка», «2 оценки», «5 оценок». */
  const plural = new Intl.PluralRules('ru-RU');
  const RATING_FORMS = { one: 'оценки', few: 'оценок', many: 'оценок', other: 'оценки' };

  let agentToken = null;
  let tickets = [];
  /** Where the next page starts (null: the list is complete). */
  let nextCursor = null;
  /** The opened ticket in full (the list holds summaries only). */
  let detail = null;
  let selectedId = null;
  let busy = false;

  /** An element with a class and text. */
  function el(tag, { className, text } = {}) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  async function api(path, init = {}) {
    const headers = { ...init.headers, authorization: `Bearer ${agentToken}` };
    const response = await fetch(`${API}${path}`, { ...init, headers });
    const body = await response.json().catch(() => null);
    if (!response.ok) throw new Error(body?.error?.message ?? `HTTP ${response.status}`);
    return body;
  }

  function renderFilter() {
    const filter = $('op-filter');
    filter.append(new Option('Все', ''));
    for (const [code, label] of Object.entries(STATUS_LABELS)) filter.append(new Option(label, code));
    filter.addEventListener('change', () => void refresh());
  }

  function renderList() {
    const list = $('op-list');
    list.replaceChildren(
      ...tickets.map((ticket) => {
        const item = el('li');
        const button = el('button');
        button.type = 'button';
        button.dataset.ticketId = ticket.id;
        if (ticket.id === selectedId) button.setAttribute('aria-current', 'true');
        button.append(
          el('span', { className: 'op-row-title', text: `№ ${ticket.number} · ${ticket.subject}` }),
          el('span', { className: 'op-row-meta', text: `${STATUS_LABELS[ticket.status]} · приоритет ${PRIORITY_LABELS[ticket.priority]} · ${CATEGORY_LABELS[ticket.category]} · ${when(ticket.createdAt)}` }),
        );
        button.addEventListener('click', () => void select(ticket.id));
        item.append(button);
        return item;
      }),
    );
    $('op-empty').hidden = tickets.length > 0;
    $('op-more').hidden = nextCursor === null;
  }

  function fieldRows(ticket) {
    const reporter = ticket.reporter;
    const rows = [
      ['Номер', `№ ${ticket.number}`],
      ['Статус', STATUS_LABELS[ticket.status]],
      ['Категория', CATEGORY_LABELS[ticket.category]],
      ['Приоритет', `${PRIORITY_LABELS[ticket.priority]} (${IMPACT_LABELS[ticket.impact] ?? ticket.impact})`],
      ['Рассмотреть до', when(ticket.reviewDueAt)],
      ['Решить до', when(ticket.resolveDueAt)],
      ['Пользователь', `${reporter.fullName}${reporter.guest ? ' (гость)' : ''}, роль: ${ROLE_LABELS[reporter.role] ?? reporter.role}`],
      ['Организация', reporter.organization],
      ['СДО', reporter.lmsUrl],
      ['Телефон', reporter.phone],
      ['E-mail', reporter.email],
      ['Согласие на обработку ПДн', ticket.consentAt ? `дано ${when(ticket.consentAt)}` : undefined],
      ['Тема', ticket.subject],
      ['Курс', ticket.course ? `${ticket.course.title} — ${ticket.course.url}` : undefined],
      ['Вопрос теста', ticket.testQuestion],
      ['Заявка', ticket.orderUrl],
      ['Документ', ticket.documentUrl],
      ['Шаги', ticket.steps],
      ['Страница', ticket.pageUrl],
      ['Браузер', ticket.browser ? `${ticket.browser.browser.name} ${ticket.browser.browser.version}, ${ticket.browser.os.name} ${ticket.browser.os.version}`.trim() : undefined],
      ['Одна проблема', oneProblemNote(ticket.oneProblemCheck)],
      ['Оценка', ratingNote(ticket.rating)],
      ['Файлы', ticket.attachments.length > 0 ? ticket.attachments.map((file) => `${file.name} (${Math.ceil(file.size / 1024)} КБ)`).join(', ') : undefined],
    ];
    return rows.filter(([, value]) => typeof value === 'string' && value !== '');
  }

  /**
   * The linked tickets: the closed ticket this one continues, the tickets that continue it and those created
   * with it from one description, each a button that opens it here.
   */
  function chainRows(ticket) {
    const link = (linked, label) => {
      const button = el('button', { className: 'op-chain-link', text: label });
      button.type = 'button';
      button.addEventListener('click', () => void select(linked.id));
      return button;
    };
    const rows = [];
    if (ticket.followUpOf) {
      rows.push(el('dt', { text: 'Продолжает' }), el('dd'));
      rows[rows.length - 1].append(link(ticket.followUpOf, `№ ${ticket.followUpOf.number}`));
    }
    const list = (title, tickets) => {
      if (!tickets || tickets.length === 0) return;
      const dd = el('dd');
      tickets.forEach((next, index) => {
        if (index > 0) dd.append(', ');
        dd.append(link(next, `№ ${next.number}`));
      });
      rows.push(el('dt', { text: title }), dd);
    };
    list('Продолжение', ticket.followUps);
    list('Создано вместе с', ticket.createdWith);
    return rows;
  }

  /** The reporter's rating of the help: score, comment, when. */
  function ratingNote(rating) {
    if (!rating) return undefined;
    const comment = rating.comment ? ` — «${rating.comment}»` : '';
    return `${rating.score} из 5${comment} (${when(rating.updatedAt)})`;
  }

  /** The share of ratings 4–5 over the statistics window. */
  async function loadStats() {
    const { ratings } = await api('/agent/stats');
    $('op-stats').textContent =
      ratings.count === 0
        ? `Оценок за ${ratings.days} дней нет.`
        : `Помогли (оценки 4–5) за ${ratings.days} дней: ${Math.round(ratings.positiveShare * 100)}% из ${ratings.count} ${RATING_FORMS[plural.select(ratings.count)]}.`;
  }

  /** E-mails and webhooks the outbox gave up on (GET /agent/deliveries?status=failed): what needs a look. */
  async function loadFailedDeliveries() {
    const { deliveries } = await api('/agent/deliveries?status=failed');
    const list = $('op-deliveries');
    list.replaceChildren(
      ...deliveries.map((delivery) => {
        const kind = delivery.kind === 'email' ? 'E-mail' : 'Вебхук';
        return el('li', { text: `${kind} → ${delivery.target}: ${delivery.attempts} попыток, ${delivery.lastError ?? 'без ответа'} (${when(delivery.createdAt)})` });
      }),
    );
    $('op-deliveries-section').hidden = deliveries.length === 0;
  }

  /** What the server's one-problem check found on a ticket the user confirmed as one problem. */
  function oneProblemNote(check) {
    if (!check || check.parts < 2) return undefined;
    const markers = check.markers.length > 0 ? ` (найдено: ${check.markers.map((marker) => `«${marker}»`).join(', ')})` : '';
    return `пользователь подтвердил одну проблему; проверка нашла ${check.parts}${markers}`;
  }

  function renderTicket() {
    const ticket = detail !== null && detail.id === selectedId ? detail : undefined;
    $('op-hint').hidden = ticket !== undefined;
    $('op-ticket').hidden = ticket === undefined;
    if (ticket === undefined) return;
    $('op-detail-title').textContent = `Обращение № ${ticket.number}`;
    $('op-fields').replaceChildren(
      ...fieldRows(ticket).flatMap(([name, value]) => [el('dt', { text: name }), el('dd', { text: value })]),
      ...chainRows(ticket),
    );
    $('op-description').textContent = ticket.description;
    $('op-events').replaceChildren(
      ...ticket.events.map((event) => {
        const item = el('li');
        const time = el('time', { text: when(event.createdAt) });
        time.dateTime = event.createdAt;
        const what = event.type === 'message' ? 'сообщение' : STATUS_LABELS[event.status];
        item.append(time, el('div', { text: `${ACTOR_LABELS[event.actor]}: ${what}` }));
        if (event.text) item.append(el('p', { className: 'op-text', text: event.text }));
        if (event.attachments.length > 0) item.append(el('div', { className: 'lms-muted', text: `Файлы: ${event.attachments.map((file) => file.name).join(', ')}` }));
        return item;
      }),
    );
    const final = ticket.status === 'resolved' || ticket.status === 'cancelled';
    for (const button of $('op-actions').querySelectorAll('button')) button.disabled = busy || final;
  }

  async function loadDetail() {
    if (selectedId === null) return;
    try {
      detail = await api(`/agent/tickets/${encodeURIComponent(selectedId)}`);
    } catch (error) {
      $('op-error').textContent = `Не удалось открыть обращение: ${error.message}`;
    }
  }

  async function select(id) {
    if (id !== selectedId) $('op-result').textContent = '';
    selectedId = id;
    renderList();
    await loadDetail();
    renderTicket();
  }

  async function move(status) {
    const ticket = detail;
    if (ticket === null || ticket.id !== selectedId || busy) return;
    const text = $('op-text').value.trim();
    busy = true;
    renderTicket();
    const result = $('op-result');
    result.className = '';
    result.textContent = 'Отправляем…';
    try {
      await api(`/agent/tickets/${encodeURIComponent(ticket.id)}/status`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(text === '' ? { status } : { status, text }),
      });
      $('op-text').value = '';
      result.className = 'op-ok';
      result.textContent = `Статус изменён: ${STATUS_LABELS[status]}`;
    } catch (error) {
      result.className = 'op-error';
      result.textContent = `Не изменено: ${error.message}`;
    } finally {
      busy = false;
    }
    await refresh();
  }

  function renderMoves() {
    const actions = $('op-actions');
    for (const [status, label] of MOVES) {
      const button = el('button', { className: 'lms-button', text: label });
      button.type = 'button';
      button.dataset.status = status;
      button.title = STATUS_LABELS[status];
      button.addEventListener('click', () => void move(status));
      actions.append(button);
    }
    $('op-form').addEventListener('submit', (event) => event.preventDefault());
  }

  /** The list's query: the filters, and the cursor of the page to read. */
  function listPath(cursor) {
    const query = new URLSearchParams({ limit: String(PAGE_SIZE) });
    if ($('op-filter').value !== '') query.set('status', $('op-filter').value);
    if ($('op-search').value.trim() !== '') query.set('q', $('op-search').value.trim());
    if (cursor !== null) query.set('cursor', cursor);
    return `/agent/tickets?${query}`;
  }

  /** Reloads the first page (and the opened ticket); pages loaded further down are dropped. */
  async function refresh() {
    try {
      const body = await api(listPath(null));
      tickets = body.tickets;
      nextCursor = body.nextCursor ?? null;
      await Promise.all([loadDetail(), loadStats(), loadFailedDeliveries()]);
      $('op-error').textContent = '';
      $('op-updated').textContent = `обновлено в ${clock.format(new Date())} МСК`;
    } catch (error) {
      $('op-error').textContent = `Не удалось загрузить обращения: ${error.message}`;
    }
    renderList();
    renderTicket();
  }

  /** Appends the next page; tickets created meanwhile appear on the next refresh, none is shown twice. */
  async function loadMore() {
    if (nextCursor === null) return;
    try {
      const body = await api(listPath(nextCursor));
      const known = new Set(tickets.map((ticket) => ticket.id));
      tickets = [...tickets, ...body.tickets.filter((ticket) => !known.has(ticket.id))];
      nextCursor = body.nextCursor ?? null;
    } catch (error) {
      $('op-error').textContent = `Не удалось загрузить обращения: ${error.message}`;
    }
    renderList();
  }

  async function start() {
    renderFilter();
    renderMoves();
    $('op-refresh').addEventListener('click', () => void refresh());
    $('op-more').addEventListener('click', () => void loadMore());
    $('op-toolbar').addEventListener('submit', (event) => {
      event.preventDefault();
      void refresh();
    });
    try {
      // Dev mode only: the server hands its agent token to the demo.
      const response = await fetch(`${API}/dev/agent-token`);
      agentToken = (await response.json()).token;
    } catch (error) {
      $('op-error').textContent = `Нет токена оператора: ${error.message}`;
      return;
    }
    await refresh();
    setInterval(() => {
      // Only while the first page is all that is shown, so a refresh never takes away rows being read.
      if (!busy && document.visibilityState === 'visible' && tickets.length <= PAGE_SIZE) void refresh();
    }, REFRESH_MS);
  }

  document.addEventListener('DOMContentLoaded', () => void start());
})();
