// The demo's operator page: a support specialist's view over the agent API (GET /api/v1/agent/tickets pages
// summaries, GET /api/v1/agent/tickets/{id} reads the opened one, POST /api/v1/agent/tickets/{id}/status,
// POST /api/v1/agent/tickets/{id}/assignee takes, hands over or releases it, GET /api/v1/agent/specialists names who
// is signed in and the colleagues,
// GET /api/v1/agent/stats gives the share of ratings 4–5, GET /api/v1/attachments/{id} a ticket's file). Plain JS,
// everything built with createElement/textContent.
// Which moves are legal is the server's business: the page offers those the opened ticket's `moves` lists, and a
// refused one shows the server's message (409 when the ticket moved meanwhile, 422 when the move needs a text).
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
    ['processing', 'В обработку'],
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
  /** What the server writes in place of an erased reporter's name (tickets/erasure.ts). */
  const ERASED = '—';
  const IMPACT_LABELS = { blocks_everyone: 'мешает всей организации', blocks_me: 'мешает пользователю', minor: 'неудобно или вопрос' };

  const $ = (id) => document.getElementById(id);
  const dateTime = new Intl.DateTimeFormat('ru-RU', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Moscow' });
  const when = (iso) => `${dateTime.format(new Date(iso))} МСК`;
  const clock = new Intl.DateTimeFormat('ru-RU', { timeStyle: 'medium', timeZone: 'Europe/Moscow' });
  /** The statuses in which a ticket waits for support by themselves; the server's `awaitingSupport` also says when the user wrote after an answer. */
  const WAITING_FOR_SUPPORT = new Set(['registered', 'processing', 'clarification_sent', 'in_progress']);
  /** «1 оценка», «2 оценки», «5 оценок». */
  const plural = new Intl.PluralRules('ru-RU');
  const RATING_FORMS = { one: 'оценки', few: 'оценок', many: 'оценок', other: 'оценки' };
  /** «1 попытка», «4 попытки», «5 попыток», «21 попытка». */
  const ATTEMPT_FORMS = { one: 'попытка', few: 'попытки', many: 'попыток', other: 'попытки' };
  const attempts = (count) => `${count} ${ATTEMPT_FORMS[plural.select(count)]}`;
  /**
   * Types a new tab shows by itself (the accepted images and PDF): opened there from a blob: URL, which the
   * page's CSP does not restrict (a navigation, not a fetch). Anything else is downloaded under its name.
   */
  const OPENS_IN_TAB = new Set(['image/png', 'image/jpeg', 'image/webp', 'image/gif', 'application/pdf']);
  /** The longest a blob: URL is kept for a tab that does not report it has loaded. */
  const BLOB_URL_MS = 60_000;

  let agentToken = null;
  /** The dev mode's shared token, used while nobody signed in with a token of their own. */
  let sharedToken = null;
  /** Who is signed in (null: the shared token, which names nobody) and every specialist a ticket can go to. */
  let me = null;
  let specialists = [];
  /** The opened ticket's assignee as shown (a read may have replaced `detail` before it is drawn): what `from` says. */
  let shownAssignee = null;
  let tickets = [];
  /** Where the next page starts (null: the list is complete). */
  let nextCursor = null;
  /** The opened ticket in full (the list holds summaries only). */
  let detail = null;
  // The ratings under 4 of the last days (`GET /agent/stats`).
  let lowRatings = [];
  // The ids of the events this page made: a refresh does not announce them as news.
  const ownEvents = new Set();
  // The server's file limits (`GET /meta`), checked before a file is uploaded; these until it answers.
  let fileLimits = { maxFileBytes: 10 * 1024 * 1024, maxFilesPerTicket: 10, acceptedTypes: ['image/png', 'image/jpeg', 'image/webp', 'image/gif', 'application/pdf'] };
  /** How the hint and the error name a type: «PNG», «PDF»; a type without a name here is named by its MIME type. */
  const TYPE_NAMES = { 'image/png': 'PNG', 'image/jpeg': 'JPEG', 'image/webp': 'WebP', 'image/gif': 'GIF', 'application/pdf': 'PDF' };
  /** «PNG, JPEG или PDF»: the accepted types as the hint and the error say them. */
  function typeList(types) {
    const names = types.map((type) => TYPE_NAMES[type] ?? type);
    return names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} или ${names[names.length - 1]}`;
  }
  let selectedId = null;
  let busy = false;
  /** Files being fetched (by attachment id): a second click waits for the first. */
  const opening = new Set();
  /**
   * What the page has read of each ticket (by id): its number, and its events' labels once it was opened. The
   * failed deliveries name their ticket and event from it, without reads of their own (the agent's rate limit is
   * shared by every operator's page).
   */
  const seen = new Map();
  /** The last read of failed deliveries. */
  let failedDeliveries = [];
  /** How many failed deliveries show until «Показать все». */
  const DELIVERIES_SHOWN = 5;
  let showAllDeliveries = false;
  /**
   * What was typed for each ticket and not sent, by ticket id, in this tab's session storage: switching tickets
   * never carries a text to another user, and a reload does not lose it.
   */
  const drafts = {
    get: (id) => sessionStorage.getItem(`op-draft:${id}`) ?? '',
    set: (id, text) => (text.trim() === '' ? sessionStorage.removeItem(`op-draft:${id}`) : sessionStorage.setItem(`op-draft:${id}`, text)),
    delete: (id) => sessionStorage.removeItem(`op-draft:${id}`),
  };

  /** An element with a class and text. */
  function el(tag, { className, text } = {}) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  async function api(path, init = {}) {
    // The page is Russian: the server's refusals come in Russian too, whatever the browser prefers.
    const headers = { ...init.headers, authorization: `Bearer ${agentToken}`, 'accept-language': 'ru' };
    const response = await fetch(`${API}${path}`, { ...init, headers }).catch(() => {
      throw new Error('нет связи с сервером');
    });
    const body = await response.json().catch(() => null);
    // The message and what it says of each field («Напишите вопрос или ответ пользователю»).
    if (!response.ok) throw new Error([body?.error?.message ?? `HTTP ${response.status}`, ...Object.values(body?.error?.fields ?? {})].join(' '));
    return body;
  }

  /** The page's error line (role="alert"): written only when it changes, so a screen reader does not repeat it on every refresh. */
  function showError(text) {
    const node = $('op-error');
    if (node.textContent !== text) node.textContent = text;
  }

  /**
   * Runs `render`, then gives the focus back to what had it — the same ticket row or file button, rebuilt — so
   * neither a refresh nor a click drops a keyboard or screen reader user's place to the start of the page.
   */
  function keepingFocus(render) {
    const active = document.activeElement;
    const container = active?.closest?.('[id]') ?? null;
    const { ticketId, attachmentId, deliveryId } = active?.dataset ?? {};
    render();
    if (active === null || active.isConnected || container === null) return;
    const [name, value] = ticketId !== undefined ? ['ticket-id', ticketId] : attachmentId !== undefined ? ['attachment-id', attachmentId] : deliveryId !== undefined ? ['delivery-id', deliveryId] : [];
    const key = name === undefined ? null : `[data-${name}="${CSS.escape(value)}"]`;
    if (key !== null) document.querySelector(`#${CSS.escape(container.id)} ${key}`)?.focus({ preventScroll: true });
  }

  /** A ticket's file, fetched with the agent token (a plain link would send no Authorization header). */
  async function fetchFile(file) {
    const response = await fetch(`${API}/attachments/${encodeURIComponent(file.id)}`, { headers: { authorization: `Bearer ${agentToken}` } });
    if (!response.ok) {
      const body = await response.json().catch(() => null);
      throw new Error(body?.error?.message ?? `HTTP ${response.status}`);
    }
    // Typed by the attachment's own (checked) type, not by what the answer says.
    return new Blob([await response.arrayBuffer()], { type: file.contentType });
  }

  /** Revokes `url` once `tab` shows it (or was closed), at the latest after BLOB_URL_MS. */
  function revokeWhenShown(url, tab) {
    const started = Date.now();
    const check = () => {
      let done = Date.now() - started > BLOB_URL_MS;
      try {
        done ||= tab.closed || (tab.location.href === url && tab.document.readyState === 'complete');
      } catch {
        done = true;
      }
      if (done) URL.revokeObjectURL(url);
      else setTimeout(check, 250);
    };
    setTimeout(check, 250);
  }

  /** Saves a blob under `name` through a download link; its URL is revoked once the click has started it. */
  function download(blob, name) {
    const url = URL.createObjectURL(blob);
    const link = el('a');
    link.href = url;
    link.download = name;
    link.hidden = true;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  /** Fetches a file and opens it in a new tab (an image or PDF) or downloads it; failures are said under the fields. */
  async function openFile(file) {
    if (opening.has(file.id)) return;
    opening.add(file.id);
    const status = $('op-file-result');
    status.className = 'op-file-result';
    status.textContent = `Открываем файл «${file.name}»…`;
    try {
      const blob = await fetchFile(file);
      let tab = null;
      if (OPENS_IN_TAB.has(blob.type)) {
        const url = URL.createObjectURL(blob);
        tab = window.open(url, '_blank');
        if (tab === null) URL.revokeObjectURL(url);
        else {
          tab.opener = null;
          revokeWhenShown(url, tab);
        }
      }
      // Not a type a tab shows, or the browser blocked the tab (the click's activation ran out while fetching).
      if (tab === null) download(blob, file.name);
      status.textContent = tab === null ? `Файл «${file.name}» скачивается.` : `Файл «${file.name}» открыт в новой вкладке.`;
    } catch (error) {
      status.className = 'op-file-result op-error';
      status.textContent = `Не удалось открыть файл «${file.name}»: ${error.message}`;
    } finally {
      opening.delete(file.id);
    }
  }

  /** A Russian number as it is read, +7 (343) 210-00-01; anything else as it is. */
  function phoneText(phone) {
    const digits = /^\+7(\d{3})(\d{3})(\d{2})(\d{2})$/.exec(phone ?? '');
    return digits === null ? phone : `+7 (${digits[1]}) ${digits[2]}-${digits[3]}-${digits[4]}`;
  }

  /** The files as buttons that open them, each with its size. */
  function fileButtons(files) {
    const span = el('span');
    files.forEach((file, index) => {
      if (index > 0) span.append(', ');
      const button = el('button', { className: 'op-link', text: file.name });
      button.type = 'button';
      button.title = 'Открыть файл';
      button.dataset.attachmentId = file.id;
      button.addEventListener('click', () => void openFile(file));
      // As the widget writes it for the user: the same figure for the same file on both sides.
      span.append(button, ` (${fileSize(file.size)})`);
    });
    return span;
  }

  function renderFilter() {
    const filter = $('op-filter');
    filter.append(new Option('Все', ''));
    for (const [code, label] of Object.entries(STATUS_LABELS)) filter.append(new Option(label, code));
    filter.addEventListener('change', () => void refresh());
    $('op-order').addEventListener('change', () => void refresh());
    $('op-assignee-filter').addEventListener('change', () => void refresh());
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
        // Something happened since this browser last showed the ticket (the user wrote after an answer, a
        // colleague moved it): said on the row, since the status alone may not change.
        const seenUpTo = Number(localStorage.getItem(`op-seen:${ticket.id}`) ?? Number.NaN);
        const news = Number.isFinite(seenUpTo) && ticket.lastEventId > seenUpTo ? ' · есть новое' : '';
        // The user confirmed one problem where the check found several: support may split it.
        const several = ticket.oneProblemCheck ? ` · проверка нашла проблем: ${ticket.oneProblemCheck.parts}` : '';
        // While it waits for support (the server says: its status asks for a specialist, or the user wrote after an
        // answer, for every specialist alike), when it must be resolved by, and whether that has passed.
        const waiting = ticket.awaitingSupport;
        const wroteAfter = waiting && !WAITING_FOR_SUPPORT.has(ticket.status) ? ' · пользователь написал после ответа' : '';
        // A registered ticket waits first for a specialist's look, due within 60 working minutes.
        const reviewing = waiting && ticket.status === 'registered';
        const dueAt = reviewing ? ticket.reviewDueAt : ticket.resolveDueAt;
        const overdue = waiting && Date.parse(dueAt) < Date.now();
        const deadline = reviewing ? 'рассмотреть до' : 'решить до';
        const due = waiting ? ` · ${overdue ? `просрочено: ${deadline}` : deadline} ${when(dueAt)}` : '';
        const meta = el('span', { className: 'op-row-meta', text: `${STATUS_LABELS[ticket.status]} · ${assigneeText(ticket.assignee)} · приоритет ${PRIORITY_LABELS[ticket.priority]} · ${CATEGORY_LABELS[ticket.category]}${wroteAfter}${due} · изменено ${when(ticket.updatedAt)}${several}${news}` });
        if (overdue) meta.classList.add('op-row-overdue');
        button.append(el('span', { className: 'op-row-title', text: `№ ${ticket.number} · ${ticket.subject}` }), meta);
        // The details open beside (or, on a narrow screen, below) the list: focus goes to their title, which
        // brings them into view and reads which ticket opened.
        button.addEventListener('click', () => void select(ticket.id).then(() => $('op-detail-title').focus()));
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
      ['Исполнитель', ticket.assignee ?? 'нет'],
      ['Категория', CATEGORY_LABELS[ticket.category]],
      ['Приоритет', `${PRIORITY_LABELS[ticket.priority]} (${IMPACT_LABELS[ticket.impact] ?? ticket.impact})`],
      // The review deadline is for support's first look, the resolve deadline until the ticket is closed: neither is
      // shown once it has passed its point, where it would read as still pending.
      ['Рассмотреть до', ticket.status === 'registered' ? when(ticket.reviewDueAt) : undefined],
      ['Решить до', ticket.moves.length > 0 ? when(ticket.resolveDueAt) : undefined],
      ['Пользователь', `${reporter.fullName}${reporter.guest ? ' (гость)' : ''}, роль: ${ROLE_LABELS[reporter.role] ?? reporter.role}`],
      ['Организация', reporter.organization],
      ['СДО', linkOf(reporter.lmsUrl)],
      ['Телефон', phoneText(reporter.phone)],
      // An answer to a reporter who turned the e-mails off reaches them only in the widget: support should know.
      ['E-mail', reporter.email && ticket.reporterEmails === 'off' ? `${reporter.email} (письма отключены: ответ пользователь увидит только в виджете)` : reporter.email],
      // The widget and the e-mails were in English: the answer had better be too.
      ['Язык', ticket.language === 'en' ? 'английский: виджет и письма у пользователя на английском, отвечайте по-английски' : undefined],
      ['Согласие на обработку ПДн', ticket.consentAt ? `дано ${when(ticket.consentAt)}` : undefined],
      ['Тема', ticket.subject],
      ['Курс', ticket.course ? `${ticket.course.title} — ${ticket.course.url}` : undefined],
      ['Вопрос теста', ticket.testQuestion],
      ['Дата попытки', ticket.testAttemptDate ? new Date(`${ticket.testAttemptDate}T00:00:00`).toLocaleDateString('ru-RU') : undefined],
      ['Заявка', linkOf(ticket.orderUrl)],
      ['Документ', linkOf(ticket.documentUrl)],
      ['Шаги', ticket.steps ? el('span', { className: 'op-pre', text: ticket.steps }) : undefined],
      ['Страница', linkOf(ticket.pageUrl)],
      ['Браузер', ticket.browser ? browserInfo(ticket.browser, ticket.pageUrl) : undefined],
      ...(ticket.pageErrors?.length > 0 ? [[`Ошибки страницы (${ticket.pageErrors.length})`, pageErrorList(ticket.pageErrors)]] : []),
      ['Одна проблема', oneProblemNote(ticket.oneProblemCheck)],
      ['Оценка', ratingNote(ticket.rating)],
      ['Файлы', ticket.attachments.length > 0 ? fileButtons(ticket.attachments) : undefined],
    ];
    return rows.filter(([, value]) => value instanceof Node || (typeof value === 'string' && value !== ''));
  }

  /** urlNode for a value that may be missing (the row is then left out). */
  function linkOf(value) {
    return typeof value === 'string' && value !== '' ? urlNode(value) : undefined;
  }

  /** An http(s) address as a link opening in a new tab, anything else as text. */
  /** «48,7 кБ», «2,1 МБ»: binary units, one decimal under ten, as the widget shows a file's size. */
  function fileSize(bytes) {
    const [value, unit] = bytes >= 1024 * 1024 ? [bytes / (1024 * 1024), 'МБ'] : [Math.max(bytes / 1024, bytes > 0 ? 0.1 : 0), 'кБ'];
    const digits = value < 10 ? 1 : 0;
    return `${String(Math.round(value * 10 ** digits) / 10 ** digits).replace('.', ',')} ${unit}`;
  }

  function urlNode(value) {
    let url = null;
    try {
      url = new URL(value);
    } catch {
      // Not an address: shown as it is.
    }
    if (url === null || (url.protocol !== 'http:' && url.protocol !== 'https:')) return document.createTextNode(value);
    // A host written in other letters («uchі.pro» with a Cyrillic і) goes where its ASCII form says: the link says
    // that too, so a lookalike of the LMS shows as what it is.
    const link = el('a', { text: url.hostname.split('.').some((label) => label.startsWith('xn--')) ? `${value} (${url.hostname})` : value });
    link.href = url.href;
    link.target = '_blank';
    link.rel = 'noopener noreferrer';
    return link;
  }

  /** Everything the widget attached about the browser (the user saw the same list), one line each. */
  function browserInfo(info, page) {
    const yesNo = (value) => (value ? 'да' : 'нет');
    const size = (box) => `${box.width}×${box.height}`;
    const languages = [info.language, ...(info.languages ?? []).filter((language) => language !== info.language)].filter(Boolean);
    const lines = [
      `${info.browser.name} ${info.browser.version}, ${info.os.name} ${info.os.version}`.trim(),
      `Окно браузера: ${size(info.viewport)}, экран: ${size(info.screen)}, масштаб экрана: ${info.pixelRatio}`,
      languages.length > 0 ? `Языки: ${languages.join(', ')}` : '',
      info.timeZone ? `Часовой пояс: ${info.timeZone}` : '',
      `Мобильное устройство: ${yesNo(info.mobile)}`,
      info.online === undefined ? '' : `В сети: ${yesNo(info.online)}`,
      info.cookiesEnabled === undefined ? '' : `Cookies: ${info.cookiesEnabled ? 'включены' : 'выключены'}`,
      info.userAgent ? `User-Agent: ${info.userAgent}` : '',
    ];
    const list = el('ul', { className: 'op-browser' });
    for (const line of lines) if (line !== '') list.append(el('li', { text: line }));
    // The page the browser was on, unless it is the one the ticket names already (the «Страница» row).
    if (info.pageUrl && info.pageUrl !== page) {
      const item = el('li', { text: 'Страница: ' });
      item.append(urlNode(info.pageUrl));
      list.append(item);
    }
    return list;
  }

  /** The page errors the user agreed to attach: when, what, where. */
  function pageErrorList(errors) {
    const list = el('ol', { className: 'op-page-errors' });
    for (const error of errors) {
      const item = el('li');
      const at = Date.parse(error.at);
      const time = el('time', { text: Number.isNaN(at) ? error.at : when(error.at) });
      if (!Number.isNaN(at)) time.dateTime = error.at;
      item.append(time, el('span', { className: 'op-pre', text: error.message }));
      if (error.source) item.append(el('span', { className: 'op-row-meta', text: error.source }));
      list.append(item);
    }
    return list;
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
    const { ratings, lowRatings: low } = await api('/agent/stats');
    lowRatings = low ?? [];
    $('op-stats').textContent =
      ratings.count === 0
        ? `Оценок за ${ratings.days} дней нет.`
        : `Помогли (оценки 4–5) за ${ratings.days} дней: ${Math.round(ratings.positiveShare * 100)}% из ${ratings.count} ${RATING_FORMS[plural.select(ratings.count)]}.`;
  }

  /**
   * The ratings under 4 of the last days, newest first: each names its ticket, the score and the comment, and opens
   * the ticket, so support can follow up on an unhappy user.
   */
  function renderLowRatings() {
    $('op-low-section').hidden = lowRatings.length === 0;
    $('op-low').replaceChildren(
      ...lowRatings.map((rating) => {
        const button = el('button', { className: 'op-link', text: `№ ${rating.number} · ${rating.subject} — оценка ${rating.score}${rating.comment ? `: «${rating.comment}»` : ''} (${when(rating.at)})` });
        button.type = 'button';
        button.dataset.ticketId = rating.ticketId;
        button.addEventListener('click', () => void select(rating.ticketId).then(() => $('op-detail-title').focus()));
        const item = el('li');
        item.append(button);
        return item;
      }),
    );
  }

  /** Opens the ticket the address names (`#UP-2026-000123`), unless it is open already. */
  async function openNamed() {
    const named = /^#(UP-\d{4}-\d{6})$/.exec(location.hash)?.[1];
    if (named === undefined || (detail?.id === selectedId && detail?.number === named)) return;
    try {
      const ticket = await api(`/agent/tickets/${encodeURIComponent(named)}`);
      learn(ticket);
      await select(ticket.id);
    } catch (error) {
      showError(`Не удалось открыть обращение ${named}: ${error.message}`);
    }
  }

  /** One event as the history shows it: who (a specialist with a token of their own by name), and what it did. */
  function eventLabel(event) {
    const what = event.type === 'message' ? 'Сообщение' : STATUS_LABELS[event.status];
    const who = event.agent ? `${ACTOR_LABELS[event.actor]} ${event.agent}` : ACTOR_LABELS[event.actor];
    return `${who}: ${what}`;
  }

  /** Who handles a ticket, as a list row says it («исполнитель: вы» for the signed-in specialist's own). */
  function assigneeText(assignee) {
    if (assignee === null || assignee === undefined) return 'без исполнителя';
    return assignee === me ? `исполнитель: ${assignee} (вы)` : `исполнитель: ${assignee}`;
  }

  /** One change of the assignee as the history shows it: who handles it now, and who made the change. */
  function assignmentLabel(change) {
    const by = change.by ?? 'общий токен';
    if (change.cause === 'status') return `Исполнитель: ${change.assignee} (взято в работу)`;
    if (change.assignee === null) return `Исполнитель снят: был ${change.previous} (${by})`;
    if (change.assignee === change.by) return `Исполнитель: ${change.assignee} (взято себе${change.previous ? `, был ${change.previous}` : ''})`;
    return `Исполнитель: ${change.assignee} (передано: ${by}${change.previous ? `, был ${change.previous}` : ''})`;
  }

  /** Notes a ticket's number (a summary or a full ticket) and, of a full one, its events' labels. */
  function learn(ticket) {
    const known = seen.get(ticket.id) ?? { number: ticket.number, events: new Map() };
    known.number = ticket.number;
    for (const event of ticket.events ?? []) known.events.set(event.id, `${eventLabel(event)}, ${when(event.createdAt)}`);
    seen.set(ticket.id, known);
  }

  /** E-mails and webhooks the outbox gave up on (GET /agent/deliveries?status=failed): what needs a look. */
  async function loadFailedDeliveries() {
    failedDeliveries = (await api('/agent/deliveries?status=failed')).deliveries;
  }

  /**
   * The failed deliveries, each with its ticket (a button that opens it: its number once the page has read it) and
   * its event (described once the ticket was opened here).
   */
  function renderDeliveries() {
    // The newest few, so a desk that was down for a day does not push the tickets a screen further down.
    const shown = showAllDeliveries ? failedDeliveries : failedDeliveries.slice(0, DELIVERIES_SHOWN);
    const all = $('op-deliveries-all');
    all.hidden = shown.length === failedDeliveries.length;
    all.textContent = `Показать все (${failedDeliveries.length})`;
    $('op-deliveries').replaceChildren(
      ...shown.map((delivery) => {
        const kind = delivery.kind === 'email' ? 'E-mail' : 'Вебхук';
        const item = el('li');
        item.append(el('span', { text: `${kind} → ${delivery.target}: ${attempts(delivery.attempts)}, ${delivery.lastError ?? 'без ответа'} (${when(delivery.createdAt)})` }));
        const ticket = seen.get(delivery.ticketId);
        const open = el('button', { className: 'op-link', text: ticket === undefined ? `id ${delivery.ticketId}` : `№ ${ticket.number}` });
        open.type = 'button';
        open.addEventListener('click', () => void select(delivery.ticketId));
        const event = ticket?.events.get(delivery.eventId);
        const meta = el('span', { className: 'op-row-meta', text: 'Обращение ' });
        meta.append(open, `, событие ${delivery.eventId}${event === undefined ? '' : ` (${event})`}`);
        // Once its cause is fixed (the desk is back, the mail server's setting corrected): sent again.
        const retry = el('button', { text: 'Отправить снова' });
        retry.type = 'button';
        retry.setAttribute('aria-label', `Отправить снова: ${kind} → ${delivery.target}`);
        retry.dataset.deliveryId = String(delivery.id);
        retry.addEventListener('click', () => void retryDelivery(delivery, retry));
        item.append(meta, ' ', retry);
        return item;
      }),
    );
    // Kept while it announces a retry, even when that emptied the list.
    $('op-deliveries-section').hidden = failedDeliveries.length === 0 && $('op-deliveries-result').textContent === '';
  }

  /** POST /agent/deliveries/{id}/retry: the delivery leaves the list, and the result is announced. */
  async function retryDelivery(delivery, button) {
    // aria-disabled: a disabled button would drop the focus it has.
    if (button.getAttribute('aria-disabled') === 'true') return;
    button.setAttribute('aria-disabled', 'true');
    try {
      await api(`/agent/deliveries/${delivery.id}/retry`, { method: 'POST' });
      failedDeliveries = failedDeliveries.filter((d) => d.id !== delivery.id);
      $('op-deliveries-result').textContent = `Доставка ${delivery.id} снова в очереди: она уйдёт в ближайшие секунды.`;
      renderDeliveries();
      // The focused button is gone with its row: focus goes to the section's title, not to the page's start.
      $('op-deliveries-title').focus();
    } catch (error) {
      button.setAttribute('aria-disabled', 'false');
      $('op-deliveries-result').textContent = `Не удалось отправить снова: ${error.message}`;
    }
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
    // What this browser has shown of the ticket: later events mark its row «есть новое».
    localStorage.setItem(`op-seen:${ticket.id}`, String(ticket.events.at(-1)?.id ?? 0));
    $('op-fields').replaceChildren(
      ...fieldRows(ticket).flatMap(([name, value]) => {
        const dd = el('dd');
        dd.append(value);
        return [el('dt', { text: name }), dd];
      }),
      ...chainRows(ticket),
    );
    $('op-description').textContent = ticket.description;
    // The events and the changes of assignee, in the order they happened (an event before a change made with it).
    const entries = [
      ...ticket.events.map((event) => ({ at: event.createdAt, order: 0, event })),
      ...(ticket.assignments ?? []).map((change) => ({ at: change.createdAt, order: 1, change })),
    ].sort((a, b) => (a.at === b.at ? a.order - b.order : a.at < b.at ? -1 : 1));
    $('op-events').replaceChildren(
      ...entries.map(({ at, event, change }) => {
        const item = el('li');
        const time = el('time', { text: when(at) });
        time.dateTime = at;
        if (change !== undefined) {
          item.append(time, el('div', { text: assignmentLabel(change) }));
          return item;
        }
        item.append(time, el('div', { text: eventLabel(event) }));
        if (event.text) item.append(el('p', { className: 'op-text', text: event.text }));
        if (event.attachments.length > 0) {
          const files = el('div', { className: 'lms-muted', text: 'Файлы: ' });
          files.append(fileButtons(event.attachments));
          item.append(files);
        }
        return item;
      }),
    );
    // Only the moves the status table allows now (`moves` of GET /agent/tickets/{id}). A closed ticket has none:
    // its text field is read-only and says why.
    const closed = ticket.moves.length === 0;
    $('op-text').readOnly = closed;
    $('op-files').disabled = closed;
    $('op-closed').hidden = !closed;
    // Only while it is shown: a hidden element's text would still be read as the field's description.
    if (closed) $('op-text').setAttribute('aria-describedby', 'op-closed');
    else $('op-text').removeAttribute('aria-describedby');
    // aria-disabled, not disabled, while a move is sent: a disabled button would drop the focus it has.
    for (const button of $('op-actions').querySelectorAll('button')) {
      // «Написать пользователю» on any open ticket; a move where the status table allows it.
      button.hidden = button.dataset.status === undefined ? closed : !ticket.moves.includes(button.dataset.status);
      button.setAttribute('aria-disabled', String(busy));
    }
    renderAssign(ticket, closed);
    renderErase(ticket);
  }

  /**
   * Erasing the reporter's personal data on their request (152-ФЗ, POST /agent/erasures): this ticket's, or every
   * ticket of the person (a signed-in user by their LMS id, a guest by the address they gave). Asked once more before
   * it is done: it cannot be undone.
   */
  let erasing = null;
  /** Who the reporter of `ticket` is for an erasure: a signed-in user by their LMS id, a guest by their address. */
  const personOf = (ticket) => (ticket.userId !== null ? { userId: ticket.userId } : ticket.reporter.email ? { email: ticket.reporter.email } : null);

  function renderErase(ticket) {
    const erased = ticket.reporter.fullName === ERASED;
    $('op-erase-ticket').hidden = erased;
    $('op-erase-person').hidden = erased || personOf(ticket) === null;
    if (erasing !== null && (erasing.ticketId !== ticket.id || erased)) {
      erasing = null;
      $('op-erase-confirm').hidden = true;
    }
  }

  function askErase(scope) {
    const ticket = detail;
    if (ticket === null) return;
    const body = scope === 'ticket' ? { ticket: ticket.number } : personOf(ticket);
    if (body === null) return;
    const what =
      'ticket' in body ? `обращения № ${ticket.number}` : 'userId' in body ? `всех обращений пользователя ${ticket.reporter.fullName}` : `всех обращений гостя с адресом ${body.email}`;
    erasing = { ticketId: ticket.id, body };
    $('op-erase-question').textContent = `Удалить персональные данные ${what}? Это нельзя отменить.`;
    $('op-erase-result').textContent = '';
    $('op-erase-confirm').hidden = false;
    $('op-erase-question').focus();
  }

  async function erase() {
    if (erasing === null || busy) return;
    const { body } = erasing;
    erasing = null;
    $('op-erase-confirm').hidden = true;
    $('op-erase-title').focus();
    await postChange(
      $('op-erase-result'),
      '/agent/erasures',
      body,
      (answer) => (answer.tickets.length === 0 ? 'Персональных данных не осталось: удалять нечего.' : `Персональные данные удалены, обращений: ${answer.tickets.length}, файлов: ${answer.files}.`),
      'Не удалено',
      'Удаляем…',
    );
  }

  /**
   * Who handles the opened ticket and what can be done about it: «Взять себе» (a specialist signed in with a token
   * of their own, on a ticket that is not theirs), a colleague to hand it to, «Снять исполнителя». A closed ticket
   * keeps its assignee and offers nothing.
   */
  function renderAssign(ticket, closed) {
    const now = ticket.assignee;
    shownAssignee = now;
    $('op-assignee-now').textContent = closed
      ? `${now === null ? 'Исполнителя не было' : `Вёл: ${now}`}. Обращение закрыто: исполнитель не меняется.`
      : now === null ? 'Никто не ведёт это обращение.' : `Ведёт: ${now}${now === me ? ' (вы)' : ''}.`;
    $('op-assign-actions').hidden = closed;
    $('op-take').hidden = closed || me === null || now === me;
    $('op-take').textContent = now === null ? 'Взять себе' : `Забрать себе у ${now}`;
    $('op-release').hidden = closed || now === null;
    const handover = $('op-handover');
    const chosen = handover.value;
    const others = specialists.filter((name) => name !== now);
    handover.replaceChildren(...others.map((name) => new Option(name === me ? `${name} (вы)` : name, name)));
    if (others.includes(chosen)) handover.value = chosen;
    $('op-handover-group').hidden = closed || others.length === 0;
    for (const button of $('op-assign-actions').querySelectorAll('button')) button.setAttribute('aria-disabled', String(busy));
  }

  /**
   * Sends one change of the opened ticket (POST `path` with `body`) and says in `result` how it went: `pending` while
   * it goes, then `sent(answer)`, which does what follows a change taken and gives its sentence, or `refused` with the
   * reason. The page is busy until the answer, and reads the list and the ticket again after it.
   */
  async function postChange(result, path, body, sent, refused = 'Не изменено', pending = 'Отправляем…') {
    busy = true;
    renderTicket();
    result.className = '';
    result.textContent = pending;
    try {
      // A body may first upload what it carries (the chosen files): a refused upload is said like a refused change.
      const payload = typeof body === 'function' ? await body() : body;
      const answer = await api(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload) });
      // The page's own change is not news to announce.
      if (answer?.event?.id !== undefined) ownEvents.add(answer.event.id);
      const said = sent(answer);
      result.className = 'op-ok';
      result.textContent = said;
    } catch (error) {
      result.className = 'op-error';
      result.textContent = `${refused}: ${error.message}`;
    } finally {
      busy = false;
    }
    await refresh();
  }

  /**
   * POST /agent/tickets/{id}/assignee: `agent` a name, 'me' or null. `from` is the assignee this page showed, so a
   * colleague's take meanwhile is refused (409, naming them) rather than undone.
   */
  async function assign(agent, done, pressed) {
    const ticket = detail;
    if (ticket === null || ticket.id !== selectedId || busy) return;
    await postChange($('op-assign-result'), `/agent/tickets/${encodeURIComponent(ticket.id)}/assignee`, { agent, from: shownAssignee }, () => done);
    // The pressed button may be gone (a taken ticket offers no «Взять себе»): the focus goes to the section's title.
    if (pressed.hidden || pressed.closest('[hidden]') !== null || document.activeElement === document.body) $('op-assign-title').focus();
  }

  function renderAssignActions() {
    $('op-take').addEventListener('click', () => void assign('me', 'Обращение теперь ваше.', $('op-take')));
    $('op-release').addEventListener('click', () => void assign(null, 'Исполнитель снят.', $('op-release')));
    $('op-handover-go').addEventListener('click', () => {
      const name = $('op-handover').value;
      if (name !== '') void assign(name, `Обращение передано: ${name}.`, $('op-handover-go'));
    });
  }

  /** GET /agent/specialists: who is signed in, and the names the filter and «Передать» offer. */
  async function loadSpecialists() {
    const body = await api('/agent/specialists');
    me = body.me;
    specialists = body.specialists;
    $('op-who').textContent = me === null
      ? 'Вы работаете общим токеном: обращения назначаются специалистам по имени; взять обращение себе можно, войдя своим токеном.'
      : `Вы вошли как ${me}.`;
    $('op-signout').hidden = agentToken === sharedToken;
    const filter = $('op-assignee-filter');
    const chosen = filter.value;
    const mine = filter.querySelector('option[value="me"]');
    mine.hidden = me === null;
    for (const option of filter.querySelectorAll('option[data-name]')) option.remove();
    for (const name of specialists) {
      const option = new Option(name, name);
      option.dataset.name = 'true';
      filter.append(option);
    }
    filter.value = chosen === 'me' && me === null ? '' : chosen;
    if (filter.value !== chosen) filter.value = '';
  }

  /** Signs in with a specialist's own token (kept for this tab's session), or back to the shared one. */
  async function signIn(token) {
    const previous = agentToken;
    agentToken = token;
    try {
      await loadSpecialists();
    } catch (error) {
      agentToken = previous;
      $('op-who').textContent = `Не удалось войти: ${error.message}`;
      return;
    }
    if (token === sharedToken) sessionStorage.removeItem('op-token');
    else sessionStorage.setItem('op-token', token);
    $('op-token').value = '';
    await refresh();
  }

  async function loadDetail() {
    if (selectedId === null) return;
    try {
      const before = detail?.id === selectedId ? (detail.events.at(-1)?.id ?? 0) : null;
      detail = await api(`/agent/tickets/${encodeURIComponent(selectedId)}`);
      learn(detail);
      if (before !== null) announceNews(detail, detail.events.filter((event) => event.id > before && !ownEvents.has(event.id)));
    } catch (error) {
      showError(`Не удалось открыть обращение: ${error.message}`);
    }
  }

  /**
   * What changed in the opened ticket since the page showed it, said in a live region: the user wrote or answered,
   * a colleague moved it or wrote. The next move or message is made knowing it (its `lastEventId` is the new event).
   */
  function announceNews(ticket, events) {
    const event = events.at(-1);
    if (event === undefined) return;
    const what =
      event.actor === 'reporter'
        ? event.type === 'message' ? 'новое сообщение пользователя' : `пользователь: ${STATUS_LABELS[event.status]}`
        : `${event.agent ? `специалист ${event.agent}` : 'коллега'}: ${event.type === 'message' ? 'сообщение пользователю' : STATUS_LABELS[event.status]}`;
    $('op-news').textContent = `Новое в обращении № ${ticket.number} (${clock.format(new Date(event.createdAt))} МСК) — ${what}.`;
    // What the page said of its own last change («Статус изменён: …») is out of date now.
    $('op-result').textContent = '';
  }

  async function select(id) {
    if (id !== selectedId) {
      $('op-result').textContent = '';
      $('op-news').textContent = '';
      $('op-file-result').textContent = '';
      // The text typed for the ticket being left stays with it; the opened one gets its own back.
      if (selectedId !== null) drafts.set(selectedId, $('op-text').value);
      $('op-text').value = drafts.get(id);
      // Files chosen for one ticket are not sent with another.
      $('op-files').value = '';
    }
    selectedId = id;
    // The address names the opened ticket: a reload reopens it, and the link can be sent to a colleague.
    const number = seen.get(id)?.number;
    if (number !== undefined) history.replaceState(null, '', `#${number}`);
    keepingFocus(renderList);
    await loadDetail();
    // The ticket first: showing it is what takes «есть новое» off its row.
    keepingFocus(() => {
      renderTicket();
      renderList();
      renderDeliveries();
    });
  }

  async function move(status) {
    const ticket = detail;
    if (ticket === null || ticket.id !== selectedId || busy) return;
    const text = $('op-text').value.trim();
    await sendChange(ticket, 'status', { status, ...(text === '' ? {} : { text }) }, `Статус изменён: ${STATUS_LABELS[status]}`, 'Не изменено');
    // The pressed move is hidden when the new status does not offer it: the focus goes to the first move offered
    // now, or to the ticket's title on a closed ticket, rather than to the page's body.
    const pressed = $('op-actions').querySelector(`[data-status="${status}"]`);
    if (pressed === null || pressed.hidden || document.activeElement === document.body) {
      const next = [...$('op-actions').querySelectorAll('button[data-status]')].find((button) => !button.hidden);
      (next ?? $('op-detail-title')).focus();
    }
  }

  /**
   * Sends a move or a message of the opened ticket (`path`: `status` or `messages`) with the chosen files, checked
   * before any is uploaded, and `lastEventId` as this page showed it: a colleague's answer or the user's message
   * since then refuses it (409). Once taken, the ticket's draft and chosen files are cleared and `said` is shown;
   * a refusal is shown after `refused`.
   */
  async function sendChange(ticket, path, fields, said, refused) {
    const refusedFiles = checkChosenFiles();
    if (refusedFiles !== null) {
      refuseHere(`${refused}: ${refusedFiles}`, $('op-files'));
      return;
    }
    const body = async () => ({ ...fields, attachmentIds: await uploadChosenFiles(), lastEventId: ticket.events.at(-1)?.id ?? 0 });
    await postChange($('op-result'), `/agent/tickets/${encodeURIComponent(ticket.id)}/${path}`, body, () => {
      // What was new is answered by this change: no longer news.
      if (selectedId === ticket.id) $('op-news').textContent = '';
      drafts.delete(ticket.id);
      $('op-files').value = '';
      if (selectedId === ticket.id) $('op-text').value = '';
      return said;
    }, refused);
  }

  /** A change refused before anything is sent: the reason in the result line, the focus on the field to correct. */
  function refuseHere(reason, field) {
    $('op-result').className = 'op-error';
    $('op-result').textContent = reason;
    field.focus();
  }

  /** Uploads the files chosen for the user (POST /attachments with the agent token): their ids, in order. */
  async function uploadChosenFiles() {
    const ids = [];
    for (const file of $('op-files').files ?? []) {
      const form = new FormData();
      form.append('file', file, file.name);
      const uploaded = await api('/attachments', { method: 'POST', body: form }).catch((error) => {
        throw new Error(`«${file.name}»: ${error.message}`);
      });
      ids.push(uploaded.id);
    }
    return ids;
  }

  /** What is wrong with the chosen files before any is uploaded (the server's limits, as `/meta` gives them), or null. */
  function checkChosenFiles() {
    const files = [...($('op-files').files ?? [])];
    if (files.length > fileLimits.maxFilesPerTicket) return `не больше ${fileLimits.maxFilesPerTicket} файлов за раз.`;
    const large = files.find((file) => file.size > fileLimits.maxFileBytes);
    if (large !== undefined) return `«${large.name}» больше ${Math.floor(fileLimits.maxFileBytes / (1024 * 1024))} МБ.`;
    const other = files.find((file) => !fileLimits.acceptedTypes.includes(file.type));
    if (other !== undefined) return `«${other.name}» — не ${typeList(fileLimits.acceptedTypes)}.`;
    return null;
  }

  /**
   * POST /agent/tickets/{id}/messages: the text to the user without moving the ticket (a second answer, «исправление
   * займёт два дня»); the user gets it in the widget and by e-mail.
   */
  async function writeMessage() {
    const ticket = detail;
    if (ticket === null || ticket.id !== selectedId || busy) return;
    const text = $('op-text').value.trim();
    // Nothing is uploaded for a message that cannot go: the field says what is missing and takes the focus.
    if (text === '') {
      $('op-text').setAttribute('aria-invalid', 'true');
      refuseHere('Не отправлено: напишите сообщение пользователю.', $('op-text'));
      return;
    }
    await sendChange(ticket, 'messages', { text }, 'Сообщение отправлено пользователю', 'Не отправлено');
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
    // After the moves: a word to the user that moves nothing.
    const message = el('button', { className: 'lms-button', text: 'Написать пользователю' });
    message.type = 'button';
    message.title = 'Без смены статуса';
    message.addEventListener('click', () => void writeMessage());
    actions.append(message);
    $('op-form').addEventListener('submit', (event) => event.preventDefault());
  }

  /** The list's query: the filters, and the cursor of the page to read. */
  function listPath(cursor) {
    const query = new URLSearchParams({ limit: String(PAGE_SIZE) });
    if ($('op-filter').value !== '') query.set('status', $('op-filter').value);
    // The queue: what waits for support, the soonest deadline first (the server's own order and cursor).
    if ($('op-order').value === 'due') query.set('order', 'due');
    // «Мои», «Без исполнителя» or a colleague's.
    if ($('op-assignee-filter').value !== '') query.set('assignee', $('op-assignee-filter').value);
    // A number as the page writes it («№ UP-2026-000019») finds it too.
    const search = $('op-search').value.trim().replace(/^№\s*/u, '');
    if (search !== '') query.set('q', search);
    if (cursor !== null) query.set('cursor', cursor);
    return `/agent/tickets?${query}`;
  }

  /**
   * Reloads the opened ticket, the figures, the deliveries and, with `list`, the list's first page (pages loaded
   * further down are then dropped).
   */
  async function refresh({ list = true } = {}) {
    try {
      if (list) {
        const body = await api(listPath(null));
        tickets = body.tickets;
        nextCursor = body.nextCursor ?? null;
        tickets.forEach(learn);
      }
      await Promise.all([loadDetail(), loadStats(), loadFailedDeliveries()]);
      showError('');
      $('op-updated').textContent = `обновлено в ${clock.format(new Date())} МСК`;
    } catch (error) {
      showError(`Не удалось загрузить обращения: ${error.message}`);
    }
    keepingFocus(() => {
      renderTicket();
      renderList();
      renderDeliveries();
      renderLowRatings();
    });
  }

  /** Appends the next page; tickets created meanwhile appear on the next refresh, none is shown twice. */
  async function loadMore() {
    if (nextCursor === null) return;
    try {
      const body = await api(listPath(nextCursor));
      const known = new Set(tickets.map((ticket) => ticket.id));
      tickets = [...tickets, ...body.tickets.filter((ticket) => !known.has(ticket.id))];
      nextCursor = body.nextCursor ?? null;
      body.tickets.forEach(learn);
    } catch (error) {
      showError(`Не удалось загрузить обращения: ${error.message}`);
    }
    keepingFocus(renderList);
  }

  async function start() {
    renderFilter();
    renderMoves();
    renderAssignActions();
    $('op-erase-ticket').addEventListener('click', () => askErase('ticket'));
    $('op-erase-person').addEventListener('click', () => askErase('person'));
    $('op-erase-go').addEventListener('click', () => void erase());
    $('op-erase-cancel').addEventListener('click', () => {
      erasing = null;
      $('op-erase-confirm').hidden = true;
      $('op-erase-ticket').focus();
    });
    $('op-refresh').addEventListener('click', () => void refresh());
    $('op-more').addEventListener('click', () => void loadMore());
    $('op-deliveries-all').addEventListener('click', () => {
      showAllDeliveries = true;
      renderDeliveries();
      // The button is gone: the first of the rows it uncovered takes the focus.
      $('op-deliveries').querySelectorAll('li')[DELIVERIES_SHOWN]?.querySelector('button')?.focus();
    });
    void fetch(`${API}/meta`)
      .then((response) => response.json())
      .then((meta) => {
        const limits = meta?.limits;
        if (limits?.maxFileBytes && limits?.maxFilesPerTicket && Array.isArray(limits.acceptedTypes) && limits.acceptedTypes.length > 0) {
          fileLimits = { maxFileBytes: limits.maxFileBytes, maxFilesPerTicket: limits.maxFilesPerTicket, acceptedTypes: limits.acceptedTypes };
          $('op-files').accept = limits.acceptedTypes.join(',');
          $('op-files-hint').textContent = `${typeList(limits.acceptedTypes)}, до ${Math.floor(limits.maxFileBytes / (1024 * 1024))} МБ, не больше ${limits.maxFilesPerTicket} файлов за раз`;
        }
      })
      .catch(() => undefined);
    $('op-toolbar').addEventListener('submit', (event) => {
      event.preventDefault();
      void refresh();
    });
    try {
      // Dev mode only: the server hands its agent token to the demo.
      const response = await fetch(`${API}/dev/agent-token`);
      sharedToken = (await response.json()).token;
    } catch (error) {
      showError(`Нет токена оператора: ${error.message}`);
      return;
    }
    // A specialist who signed in with a token of their own in this tab stays signed in across a reload.
    agentToken = sessionStorage.getItem('op-token') ?? sharedToken;
    try {
      await loadSpecialists();
    } catch {
      agentToken = sharedToken;
      sessionStorage.removeItem('op-token');
      await loadSpecialists().catch((error) => showError(`Нет токена оператора: ${error.message}`));
    }
    $('op-signin').addEventListener('submit', (event) => {
      event.preventDefault();
      const token = $('op-token').value.trim();
      if (token !== '') void signIn(token);
    });
    $('op-signout').addEventListener('click', () => void signIn(sharedToken).then(() => $('op-token').focus()));
    $('op-text').addEventListener('input', () => {
      $('op-text').removeAttribute('aria-invalid');
      if (selectedId !== null) drafts.set(selectedId, $('op-text').value);
    });
    await refresh();
    // A ticket named in the address (`#UP-2026-000123`): opened as the page starts, and when the address changes in
    // an open tab (a colleague's link pasted), so what is typed next goes to the ticket the address names.
    await openNamed();
    addEventListener('hashchange', () => void openNamed());
    setInterval(() => {
      // The list only while its first page is all that is shown, so a refresh never takes away rows being read;
      // the opened ticket always.
      if (busy || document.visibilityState !== 'visible') return;
      void refresh({ list: tickets.length <= PAGE_SIZE });
    }, REFRESH_MS);
  }

  document.addEventListener('DOMContentLoaded', () => void start());
})();
