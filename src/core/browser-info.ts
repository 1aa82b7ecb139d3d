/** Turns a raw navigator/screen snapshot into the browser info attached to a ticket. */
import type { BrowserInfo } from './schemas/browser';
import { stripSecretsFromUrl } from './links';

/** What the widget reads from `navigator`, `screen` and `window` (read elsewhere; this stays pure). */
export interface BrowserSnapshot {
  userAgent: string;
  /** `navigator.userAgentData` brands and platform, when the browser offers client hints. */
  clientHints?: {
    brands?: ReadonlyArray<{ brand: string; version: string }>;
    mobile?: boolean;
    platform?: string;
    platformVersion?: string;
    fullVersionList?: ReadonlyArray<{ brand: string; version: string }>;
  };
  language?: string;
  languages?: readonly string[];
  timeZone?: string;
  viewport?: { width: number; height: number };
  screen?: { width: number; height: number };
  pixelRatio?: number;
  cookiesEnabled?: boolean;
  online?: boolean;
  pageUrl?: string;
}

type NameVersion = { name: string; version: string };

// Order matters: Edge, Opera and Yandex also say "Chrome", Chrome also says "Safari".
const BROWSERS: ReadonlyArray<[string, RegExp]> = [
  ['Edge', /Edg(?:e|A|iOS)?\/([\d.]+)/],
  ['Yandex Browser', /YaBrowser\/([\d.]+)/],
  ['Opera', /(?:OPR|Opera)\/([\d.]+)/],
  ['Samsung Internet', /SamsungBrowser\/([\d.]+)/],
  ['Firefox', /(?:Firefox|FxiOS)\/([\d.]+)/],
  ['Chrome', /(?:Chrome|CriOS)\/([\d.]+)/],
  ['Safari', /Version\/([\d.]+).*Safari\//],
];

const OSES: ReadonlyArray<[string, RegExp, (v: string) => string]> = [
  ['Windows', /Windows NT ([\d.]+)/, (v) => ({ '10.0': '10', '6.3': '8.1', '6.2': '8', '6.1': '7' })[v] ?? v],
  ['Android', /Android ([\d.]+)/, (v) => v],
  ['iOS', /(?:iPhone|iPad|iPod).*OS ([\d_]+)/, (v) => v.replace(/_/g, '.')],
  ['macOS', /Mac OS X ([\d_.]+)/, (v) => v.replace(/_/g, '.')],
  ['Chrome OS', /CrOS \S+ ([\d.]+)/, (v) => v],
  ['Linux', /Linux()/, () => ''],
];

const HINT_BRANDS: Record<string, string> = {
  'Google Chrome': 'Chrome',
  'Microsoft Edge': 'Edge',
  'YaBrowser': 'Yandex Browser',
  'Yandex': 'Yandex Browser',
  'Opera': 'Opera',
  'Chromium': 'Chromium',
};

/** The browser's name and major.minor version from client hints (more exact) or the user agent. */
export function detectBrowser(snapshot: BrowserSnapshot): NameVersion {
  const list = snapshot.clientHints?.fullVersionList ?? snapshot.clientHints?.brands ?? [];
  const known = list.filter((b) => HINT_BRANDS[b.brand] !== undefined);
  // Prefer a specific brand (Edge, Yandex) over the Chromium every one of them reports.
  const best = known.find((b) => b.brand !== 'Chromium') ?? known[0];
  if (best !== undefined) return { name: HINT_BRANDS[best.brand] ?? best.brand, version: best.version };
  for (const [name, pattern] of BROWSERS) {
    const match = pattern.exec(snapshot.userAgent);
    if (match !== null) return { name, version: match[1] ?? '' };
  }
  return { name: 'unknown', version: '' };
}

/** The operating system's name and version. Windows 11 is only told apart from 10 by client hints. */
export function detectOs(snapshot: BrowserSnapshot): NameVersion {
  const hints = snapshot.clientHints;
  if (hints?.platform === 'Windows' && hints.platformVersion !== undefined) {
    const major = Number.parseInt(hints.platformVersion, 10);
    return { name: 'Windows', version: major >= 13 ? '11' : '10' };
  }
  for (const [name, pattern, version] of OSES) {
    const match = pattern.exec(snapshot.userAgent);
    if (match !== null) return { name, version: version(match[1] ?? '') };
  }
  return { name: hints?.platform ?? 'unknown', version: '' };
}

const clip = (value: string | undefined, max: number): string => (value ?? '').slice(0, max);
const whole = (value: number | undefined): number => (Number.isFinite(value) && (value ?? 0) > 0 ? Math.round(value ?? 0) : 0);

/** Normalises a snapshot to the schema: lengths capped, numbers sane, secrets stripped from the page URL. */
export function normalizeBrowserInfo(snapshot: BrowserSnapshot): BrowserInfo {
  const ratio = snapshot.pixelRatio ?? 1;
  const pageUrl = snapshot.pageUrl === undefined ? null : stripSecretsFromUrl(snapshot.pageUrl);
  const info: BrowserInfo = {
    userAgent: clip(snapshot.userAgent, 1000),
    browser: detectBrowser(snapshot),
    os: detectOs(snapshot),
    mobile: snapshot.clientHints?.mobile ?? /Mobi|Android|iPhone|iPad/.test(snapshot.userAgent),
    language: clip(snapshot.language, 40),
    languages: (snapshot.languages ?? []).slice(0, 20).map((l) => clip(l, 40)),
    timeZone: clip(snapshot.timeZone, 80),
    viewport: { width: whole(snapshot.viewport?.width), height: whole(snapshot.viewport?.height) },
    screen: { width: whole(snapshot.screen?.width), height: whole(snapshot.screen?.height) },
    pixelRatio: Number.isFinite(ratio) && ratio > 0 && ratio <= 10 ? ratio : 1,
  };
  if (snapshot.cookiesEnabled !== undefined) info.cookiesEnabled = snapshot.cookiesEnabled;
  if (snapshot.online !== undefined) info.online = snapshot.online;
  if (pageUrl !== null) info.pageUrl = clip(pageUrl, 2000);
  return info;
}

/** A one-line human summary: "Chrome 131, Windows 11, 1920×1080". */
export function describeBrowser(info: BrowserInfo): string {
  const browser = [info.browser.name, info.browser.version.split('.')[0]].filter(Boolean).join(' ');
  const os = [info.os.name, info.os.version].filter(Boolean).join(' ');
  return [browser, os, `${info.screen.width}×${info.screen.height}`].filter(Boolean).join(', ');
}
