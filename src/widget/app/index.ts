/** The app shell: the root the embed renders, its namespaces and its CSS. */
export { WidgetRoot } from './WidgetRoot';
export type { WidgetRootProps } from './WidgetRoot';
export { widgetNamespaces } from './namespaces';
export { widgetCss } from './styles';
