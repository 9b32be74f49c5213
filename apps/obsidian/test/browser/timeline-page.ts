/**
 * Runs the real timeline renderer inside a Chromium page: core builds the view-model, our
 * `renderTimeline` draws it with the same createEl helpers Obsidian provides.
 */
import { Portfolio, buildTimelineView, timelineChoices, type Locale } from '@baton/core';
import { initialWindow, renderTimeline, scrollToToday } from '../../src/timeline/render-timeline';
import { installDomHelpers } from '../dom-helpers';

installDomHelpers(window as never);

(window as unknown as { batonRender: unknown }).batonRender = (files: [string, string][], today: string, locale: Locale, fiscalYearStartMonth?: number) => {
  const portfolio = new Portfolio({ today, locale });
  for (const [path, text] of files) portfolio.upsert(path, text);
  const all = portfolio.timeline();
  const view = buildTimelineView(all, { today, locale, ...(fiscalYearStartMonth === undefined ? {} : { fiscalYearStartMonth }) });
  const root = document.getElementById('root');
  if (!root) throw new Error('no #root');
  const n = renderTimeline(root, view, timelineChoices(all), {}, initialWindow(view)).length;
  scrollToToday(root);
  return n;
};
