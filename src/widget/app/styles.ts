/** The widget file's CSS as one string, for the shadow root; each lazy screen adopts its own when it loads. */
import badge from '../my-tickets/badge.css?inline';
import base from '../shared/base.css?inline';
import shell from './styles.css?inline';

/** The shell's stylesheets, base first. */
export const widgetCss = [base, shell, badge].join('\n');
