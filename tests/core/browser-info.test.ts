import { describe, expect, it } from 'vitest';
import { browserInfoSchema, describeBrowser, normalizeBrowserInfo } from '../../src/core';

const UA = {
  chromeWin: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  yandex: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 YaBrowser/24.6.0.0 Safari/537.36',
  edge: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.2903.51',
  firefoxLinux: 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0',
  safariMac: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
  iphone: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
  android: 'Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
};

describe('normalizeBrowserInfo', () => {
  it.each([
    [UA.chromeWin, 'Chrome', '131.0.0.0', 'Windows', '10', false],
    [UA.yandex, 'Yandex Browser', '24.6.0.0', 'Windows', '10', false],
    [UA.edge, 'Edge', '131.0.2903.51', 'Windows', '10', false],
    [UA.firefoxLinux, 'Firefox', '133.0', 'Linux', '', false],
    [UA.safariMac, 'Safari', '18.1', 'macOS', '10.15.7', false],
    [UA.iphone, 'Safari', '17.5', 'iOS', '17.5', true],
    [UA.android, 'Chrome', '131.0.0.0', 'Android', '14', true],
  ])('%s', (userAgent, browser, version, os, osVersion, mobile) => {
    const info = normalizeBrowserInfo({ userAgent });
    expect(info.browser).toEqual({ name: browser, version });
    expect(info.os).toEqual({ name: os, version: osVersion });
    expect(info.mobile).toBe(mobile);
    expect(browserInfoSchema.safeParse(info).success).toBe(true);
  });

  it('prefers client hints, which tell Windows 11 apart', () => {
    const info = normalizeBrowserInfo({
      userAgent: UA.chromeWin,
      clientHints: {
        brands: [{ brand: 'Chromium', version: '131' }, { brand: 'Google Chrome', version: '131' }, { brand: 'Not_A Brand', version: '24' }],
        fullVersionList: [{ brand: 'Chromium', version: '131.0.6778.86' }, { brand: 'Google Chrome', version: '131.0.6778.86' }],
        mobile: false,
        platform: 'Windows',
        platformVersion: '15.0.0',
      },
      screen: { width: 1920, height: 1080 },
    });
    expect(info.browser).toEqual({ name: 'Chrome', version: '131.0.6778.86' });
    expect(info.os).toEqual({ name: 'Windows', version: '11' });
    expect(describeBrowser(info)).toBe('Chrome 131, Windows 11, 1920×1080');
  });

  it('caps lengths, sanitises numbers and strips secrets from the page URL', () => {
    const info = normalizeBrowserInfo({
      userAgent: 'x'.repeat(5000),
      language: 'ru-RU',
      languages: Array.from({ length: 50 }, () => 'ru'),
      viewport: { width: Number.NaN, height: -5 },
      pixelRatio: 1000,
      pageUrl: 'https://lms.ru/courses/1?auth_token=secret',
    });
    expect(info.userAgent).toHaveLength(1000);
    expect(info.languages).toHaveLength(20);
    expect(info.viewport).toEqual({ width: 0, height: 0 });
    expect(info.pixelRatio).toBe(1);
    expect(info.pageUrl).not.toContain('secret');
    expect(browserInfoSchema.safeParse(info).success).toBe(true);
  });
});
