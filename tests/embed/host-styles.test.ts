import { describe, expect, it } from 'vitest';
import { HIDDEN_ATTRIBUTE, hostCss } from '../../src/embed/host-styles';

describe('host styles', () => {
  it('opens the panel above the launcher on the launcher’s side', () => {
    expect(hostCss('launcher')).toContain('--us-panel-right:20px;--us-panel-bottom:84px;');
    const left = hostCss('launcher', { placement: 'bottom-left', offset: { x: 32, y: 10 } });
    expect(left).toContain('--us-panel-left:32px;--us-panel-right:auto;--us-panel-bottom:74px;');
  });

  it('resets the host from inside with important rules, and can hide the widget for a capture', () => {
    for (const mode of ['launcher', 'inline'] as const) {
      const css = hostCss(mode);
      expect(css).toContain(':host{all:initial!important;');
      expect(css).toContain(`:host([${HIDDEN_ATTRIBUTE}]) .us-root{visibility:hidden!important}`);
    }
  });
});
