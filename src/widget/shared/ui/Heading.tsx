/** Headings that follow the page the widget is in: the widget's title is an h1 unless the host asks for another level. */
import { createContext, createElement, useContext } from 'react';
import type { ComponentPropsWithRef } from 'react';

const HeadingLevel = createContext(1);

/** Sets the level of the widget's title (1–4, the `headingLevel` option); every heading below follows it. */
export const HeadingLevelProvider = HeadingLevel.Provider;

/** Props of {@link Heading}. */
export interface HeadingProps extends ComponentPropsWithRef<'h1'> {
  /** Levels below the widget's title: 0 for the title, 1 for a screen, 2 for a section. */
  depth: 0 | 1 | 2;
}

/** A heading `depth` levels below the widget's title (h1, h2, h3 by default). */
export function Heading({ depth, ...props }: HeadingProps) {
  return createElement(`h${Math.min(6, useContext(HeadingLevel) + depth)}`, props);
}
