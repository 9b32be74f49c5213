import type { BatonCommand } from '../context';

export const openTimelineCommand: BatonCommand = {
  id: 'open-timeline',
  icon: 'calendar-range',
  title: (ui) => ui.commands.openTimeline,
  needsNote: false,
  async run(ctx) {
    await ctx.activateTimeline();
  },
};
