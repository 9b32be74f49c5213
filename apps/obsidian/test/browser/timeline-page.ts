/**
 * Runs the real timeline renderer inside a Chromium page: core builds the window's model, our
 * `renderTimeline` draws it with the same createEl helpers Obsidian provides.
 */
import { Portfolio, buildTimelineModel, type Locale } from '@baton/core';
import { renderTimeline, scrollToToday } from '../../src/timeline/render-timeline';
import { installDomHelpers } from '../dom-helpers';

installDomHelpers(window as never);

(window as unknown as { batonRender: unknown }).batonRender = (files: [string, string][], today: string, locale: Locale, fiscalYearStartMonth?: number) => {
  const portfolio = new Portfolio({ today, locale });
  for (const [path, text] of files) portfolio.upsert(path, text);
  const model = buildTimelineModel(portfolio.timeline(), { today, locale, ...(fiscalYearStartMonth === undefined ? {} : { fiscalYearStartMonth }), filters: {}, window: undefined });
  const root = document.getElementById('root');
  if (!root) throw new Error('no #root');
  const n = renderTimeline(root, model, {}).length;
  scrollToToday(root);
  return n;
};
