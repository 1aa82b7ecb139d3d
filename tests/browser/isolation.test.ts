/** Style isolation both ways: a hostile host stylesheet does not reach the widget, the widget does not touch the host. */
import type { Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectClean, hostPage, launcher, openPage, panel, snippet, startHarness, visible, waitUntil } from './harness';
import type { Harness, TrackedPage } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

/** What real sites ship: resets, `!important` on everything, a Bootstrap-like reboot, a huge root font. */
const HOSTILE_CSS = `
html { font-size: 40px !important; line-height: 3 !important; filter: grayscale(1); }
*, *::before, *::after { box-sizing: content-box !important; }
* { margin: 3px !important; padding: 7px !important; font-family: "Comic Sans MS", cursive !important; letter-spacing: 2px !important;
    word-spacing: 9px !important; text-transform: uppercase !important; text-align: right !important; font-style: italic !important;
    color: #f0f !important; border: 3px dashed red !important; cursor: crosshair !important; text-shadow: 1px 1px red !important;
    text-indent: 12px !important; white-space: pre !important; direction: rtl !important; font-weight: 100 !important;
    opacity: .8 !important; transform: translateX(2px) !important; visibility: visible !important; }
div { display: flex !important; position: relative !important; background: yellow !important; width: 50% !important; float: left !important; }
button, input, select, textarea { all: unset !important; font-size: 30px !important; height: 80px !important; background: #000 !important; color: #fff !important; }
button { border-radius: 0 !important; text-shadow: 2px 2px red !important; }
input[type=text], input, textarea { border: 5px solid green !important; }
[hidden] { display: block !important; }
[popover] { inset: 0 !important; width: 10px !important; }
section, main, header, nav, h1, h2, p, label, fieldset, legend { display: inline !important; font-size: 3em !important; }
:focus { outline: 5px solid orange !important; }
body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; font-size: 1rem; line-height: 1.5; color: #212529; background-color: #fff; -webkit-text-size-adjust: 100%; }
h1 { font-size: 2.5rem; margin-bottom: .5rem; font-weight: 500; line-height: 1.2; }
.btn { display: inline-block; padding: .375rem .75rem; font-size: 1rem; border: 1px solid transparent; border-radius: .25rem; }
`;

/** The host page's own content, whose look the widget must not change. */
const HOST_BODY = `<main><h1>Курс</h1><div class="card"><p>Текст урока.</p>
<label>Ответ <input type="text" name="answer"></label> <button class="btn" type="button">Ответить</button></div></main>`;

type Styles = Record<string, Record<string, string>>;

/** Every computed longhand (no custom properties) of a few elements, found by a path through shadow roots. */
function computedStyles(page: Page, targets: Record<string, string[]>): Promise<Styles> {
  return page.evaluate((paths) => {
    const find = (path: string[]): Element | null => {
      let scope: Document | ShadowRoot = document;
      let found: Element | null = null;
      for (const selector of path) {
        if (selector === '>>shadow') {
          if (found?.shadowRoot == null) return null;
          scope = found.shadowRoot;
          continue;
        }
        found = scope.querySelector(selector);
        if (found === null) return null;
      }
      return found;
    };
    const out: Record<string, Record<string, string>> = {};
    for (const [name, path] of Object.entries(paths)) {
      const element = find(path);
      if (element === null) throw new Error(`not found: ${name} (${path.join(' ')})`);
      const style = getComputedStyle(element);
      const values: Record<string, string> = {};
      for (const property of Array.from(style)) if (!property.startsWith('--')) values[property] = style.getPropertyValue(property);
      out[name] = values;
    }
    return out;
  }, targets);
}

/** The properties that differ between two snapshots, as "element.property: a → b". */
function differences(a: Styles, b: Styles): string[] {
  const out: string[] = [];
  for (const [element, values] of Object.entries(a)) {
    for (const [property, value] of Object.entries(values)) {
      const other = b[element]?.[property];
      if (other !== value) out.push(`${element}.${property}: ${value} → ${other}`);
    }
  }
  return out;
}

const WIDGET_ELEMENTS = {
  launcherHost: ['uchi-support-launcher'],
  launcher: ['uchi-support-launcher', '>>shadow', 'button'],
  panel: ['uchi-support-panel', '>>shadow', '.us-panel'],
  title: ['uchi-support-panel', '>>shadow', 'h1'],
  field: ['uchi-support-panel', '>>shadow', 'input[name="subject"]'],
  description: ['uchi-support-panel', '>>shadow', 'textarea[name="description"]'],
  radio: ['uchi-support-panel', '>>shadow', 'input[type="radio"]'],
  submit: ['uchi-support-panel', '>>shadow', 'button[type="submit"]'],
};

// The launcher host is positioned by the page's viewport only; of its own box, only what makes it render.
const HOST_PROPERTIES = ['position', 'z-index', 'opacity', 'transform', 'filter', 'visibility', 'display', 'zoom', 'right', 'bottom'];

/** Opens the widget (already on the page, or loaded now) and returns the computed styles of its parts. */
async function widgetStyles(tracked: TrackedPage): Promise<Styles> {
  const { page } = tracked;
  await visible(tracked, launcher(page));
  await launcher(page).click();
  const other = panel(page).getByRole('button', { name: 'Другой вопрос', exact: true });
  await visible(tracked, other, 'the category choice', 15_000);
  await other.click();
  const submit = panel(page).getByRole('button', { name: 'Отправить обращение' });
  await visible(tracked, submit, 'the form', 15_000);
  // The same state on both pages: the form settled (nothing loading, the submit button enabled).
  await waitUntil(tracked, 'the submit button enabled', () => submit.isEnabled());
  const styles = await computedStyles(page, WIDGET_ELEMENTS);
  // Where they are on screen, too: a host's filter or transform could move fixed-position boxes.
  for (const [name, locator] of [['launcher', launcher(page)], ['panel', panel(page)]] as const) {
    const box = await locator.boundingBox();
    styles[`${name}Box`] = { box: JSON.stringify(box) };
  }
  const host = styles['launcherHost'] ?? {};
  styles['launcherHost'] = Object.fromEntries(HOST_PROPERTIES.map((property) => [property, host[property] ?? '']));
  return styles;
}

const HOST_ELEMENTS = {
  html: ['html'],
  body: ['body'],
  main: ['main'],
  heading: ['h1'],
  card: ['div.card'],
  text: ['p'],
  input: ['input[name="answer"]'],
  button: ['button.btn'],
};

describe('style isolation', () => {
  it('a hostile host stylesheet changes no computed style of the widget, and the widget none of the host', async () => {
    const init = [['init', { apiUrl: h.apiUrl }]];
    const plainUrl = h.host.serve('/plain-styles', { body: hostPage(snippet(h, init), HOST_BODY) });
    // The hostile page has the snippet's queue stub only: the test adds the loader once the host is measured.
    const stub = '<script>window.UchiSupport=window.UchiSupport||function(){(UchiSupport.q=UchiSupport.q||[]).push(arguments)};</script>';
    const hostileUrl = h.host.serve('/hostile-styles', { body: hostPage(`<style>${HOSTILE_CSS}</style>${stub}`, HOST_BODY) });
    const plain = await openPage(h, plainUrl);
    const hostile = await openPage(h, hostileUrl);
    const { page } = hostile;
    const sheets = () => page.evaluate(() => ({ sheets: document.styleSheets.length, adopted: document.adoptedStyleSheets.length }));
    const hostBefore = await computedStyles(page, HOST_ELEMENTS);
    const sheetsBefore = await sheets();
    // The hostile rules do apply to the host page (the comparison would prove nothing otherwise).
    expect(hostBefore['main']?.['text-transform']).toBe('uppercase');

    await page.evaluate(
      ({ loaderUrl, apiUrl }) => {
        const w = window as unknown as { UchiSupport: (...args: unknown[]) => void };
        w.UchiSupport('init', { apiUrl });
        const script = document.createElement('script');
        script.async = true;
        script.src = loaderUrl;
        document.head.append(script);
      },
      { loaderUrl: h.loaderUrl, apiUrl: h.apiUrl },
    );
    const [expected, actual] = await Promise.all([widgetStyles(plain), widgetStyles(hostile)]);
    expect(Object.keys(expected['launcher'] ?? {}).length).toBeGreaterThan(100);
    // The one known leak: the launcher button inherits the page's `direction` (`all` does not reset it, and the
    // loader has no bytes left under its 1 kB budget to set it). Its label is Cyrillic, so it renders the same.
    const known = ['launcher.direction: ltr → rtl'];
    expect(differences(expected, actual).filter((line) => !known.includes(line))).toEqual([]);

    // The host page, with the widget loaded and open: not one computed style changed, no stylesheet added.
    expect(differences(hostBefore, await computedStyles(page, HOST_ELEMENTS))).toEqual([]);
    expect(await sheets()).toEqual(sheetsBefore);
    await expectClean(plain);
    await expectClean(hostile);
    await Promise.all([plain.context.close(), hostile.context.close()]);
  });
});
