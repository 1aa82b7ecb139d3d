// The demo LMS's own script (not part of the widget): the signed-in user switch, the LMS token the widget is
// given, the current page in the navigation, and page buttons that open the widget with pre-filled fields.
// Loaded blocking, before the widget snippet, so the snippet can read `demoLms`. In a real LMS the page is
// rendered with the token its backend signed; here the dev server signs it (POST /api/v1/dev/token).
// No inline handlers and no HTML strings: the demo pages run under a strict CSP with Trusted Types.
(() => {
  const USER_KEY = 'uchi-demo:user';
  const TOKEN_KEY = 'uchi-demo:token:';
  const LOCALE_KEY = 'uchi-demo:locale';
  const ORGANIZATION = { id: 'org-demo-profi', title: 'ООО «Учебный центр „Профи“»' };
  const PROFILES = [
    {
      id: 'ivanova',
      label: 'Иванова Анна — слушатель',
      claims: { sub: 'demo-ivanova', name: 'Иванова Анна Сергеевна', role: 'listener', phone: '+7 912 345-67-89', email: 'ivanova@example.ru' },
    },
    {
      id: 'petrov',
      label: 'Петров Пётр — преподаватель',
      claims: { sub: 'demo-petrov', name: 'Петров Пётр Иванович', role: 'teacher', phone: '+7 343 210-00-01', email: 'petrov@example.ru' },
    },
    {
      id: 'sidorova',
      label: 'Сидорова Ольга — администратор',
      claims: { sub: 'demo-sidorova', name: 'Сидорова Ольга Викторовна', role: 'administrator', phone: '+7 495 123-45-67', email: 'sidorova@example.ru' },
    },
    { id: 'guest', label: 'Гость (не вошёл в СДО)', claims: null },
  ];
  const apiUrl = `${location.origin}/api/v1`;

  const storage = {
    get(key) {
      try {
        return localStorage.getItem(key);
      } catch {
        return null;
      }
    },
    set(key, value) {
      try {
        localStorage.setItem(key, value);
      } catch {
        // Private mode: the choice lasts until the page is left.
      }
    },
  };

  const profileOf = (id) => PROFILES.find((profile) => profile.id === id) ?? PROFILES[0];
  let current = profileOf(storage.get(USER_KEY));

  /** A token's `exp` claim (seconds), read without verifying: only to know when to ask for a new one. */
  function expiryOf(token) {
    try {
      const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
      const json = new TextDecoder().decode(Uint8Array.from(atob(payload), (char) => char.charCodeAt(0)));
      return Number(JSON.parse(json).exp) || 0;
    } catch {
      return 0;
    }
  }

  /** The stored token of a signed-in profile when it is good for at least two more minutes. */
  function cachedToken(profile) {
    if (profile.claims === null) return null;
    const token = storage.get(TOKEN_KEY + profile.id);
    return token !== null && expiryOf(token) * 1000 > Date.now() + 120_000 ? token : null;
  }

  /** Asks the dev server to sign a token for the profile, as an LMS backend would. */
  async function fetchToken(profile) {
    const response = await fetch(`${apiUrl}/dev/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...profile.claims, org: ORGANIZATION, lms: location.origin }),
    });
    if (!response.ok) throw new Error(`dev token: HTTP ${response.status}`);
    const { token } = await response.json();
    storage.set(TOKEN_KEY + profile.id, token);
    return token;
  }

  /** What the widget snippet on each page reads. */
  // The LMS's personal data policy: a guest's form links it where it asks for consent (152-ФЗ).
  window.demoLms = Object.freeze({ apiUrl, token: () => cachedToken(current), privacyPolicyUrl: `${location.origin}/privacy` });

  const widget = (...args) => {
    if (typeof window.UchiSupport === 'function') window.UchiSupport(...args);
  };

  /** Makes `profile` the signed-in user: a token for it (or none for a guest) goes to the widget. */
  async function signIn(profile, status, tell) {
    current = profile;
    status.textContent = profile.claims === null ? 'без входа в СДО' : 'входим…';
    try {
      const cached = cachedToken(profile);
      const token = profile.claims === null ? null : (cached ?? (await fetchToken(profile)));
      if (tell || (profile.claims !== null && cached === null)) widget('setToken', token);
      if (current === profile) status.textContent = profile.claims === null ? 'без входа в СДО' : 'вход выполнен';
    } catch (error) {
      status.textContent = 'не удалось войти';
      console.error(error);
    }
  }

  function setUpUserSwitch() {
    const select = document.getElementById('demo-user');
    const status = document.getElementById('demo-user-status');
    if (select === null || status === null) return;
    for (const profile of PROFILES) select.append(new Option(profile.label, profile.id, false, profile.id === current.id));
    select.addEventListener('change', () => {
      const profile = profileOf(select.value);
      storage.set(USER_KEY, profile.id);
      void signIn(profile, status, true);
    });
    void signIn(current, status, false);
    // Tokens live an hour: renew before the widget's one runs out.
    setInterval(() => {
      if (current.claims !== null && cachedToken(current) === null) void signIn(current, status, true);
    }, 5 * 60_000);
  }

  /**
   * The widget's language, as an LMS would pass its own: the snippet says `locale: 'ru'` word for word, and a
   * visitor's choice is applied after it with `setLocale` (kept for the next pages).
   */
  function setUpLocaleSwitch() {
    const select = document.getElementById('demo-locale');
    if (select === null) return;
    const chosen = storage.get(LOCALE_KEY) === 'en' ? 'en' : 'ru';
    select.value = chosen;
    if (chosen !== 'ru') widget('setLocale', chosen);
    select.addEventListener('change', () => {
      storage.set(LOCALE_KEY, select.value);
      widget('setLocale', select.value);
    });
  }

  function markCurrentPage() {
    const here = location.pathname.replace(/\/+$/, '');
    for (const link of document.querySelectorAll('.lms-nav a[href]')) {
      const path = new URL(link.href).pathname.replace(/\/+$/, '');
      if (path === here) link.setAttribute('aria-current', 'page');
    }
  }

  /** `UchiSupport('open', …)` arguments for a page button, from the page's own data. */
  function openArgs(kind, button) {
    const page = document.body.dataset;
    const here = `${location.origin}${location.pathname}`;
    switch (kind) {
      case 'course':
        return { category: 'course', courseTitle: page.courseTitle, courseUrl: here };
      case 'test':
        return { category: 'test', courseTitle: page.courseTitle, courseUrl: new URL(page.coursePath, location.origin).href };
      case 'order':
        return { category: 'order', orderUrl: here };
      case 'document':
        return { category: 'document', orderUrl: here, documentUrl: new URL(button.dataset.documentHref, location.href).href };
      default:
        return undefined;
    }
  }

  function setUpSupportButtons() {
    for (const button of document.querySelectorAll('[data-support-open]')) {
      button.addEventListener('click', () => widget('open', openArgs(button.dataset.supportOpen, button)));
    }
  }

  document.addEventListener('DOMContentLoaded', () => {
    markCurrentPage();
    setUpUserSwitch();
    setUpLocaleSwitch();
    setUpSupportButtons();
  });
})();
