import type { BatonContext } from '../context.js';
import { TimelinePanel } from '../timeline-panel.js';

export const id = 'baton.openTimeline';

export async function run(ctx: BatonContext): Promise<void> {
  await TimelinePanel.show(ctx);
}
