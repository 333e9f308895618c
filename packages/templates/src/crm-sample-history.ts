import type { Random } from './random';
import { DAY_MS } from './sample-values';
import type { SampleStep } from './template';

export type Stage = 'lead' | 'qualified' | 'proposal' | 'negotiation' | 'won' | 'lost';

const OPEN_STAGES: readonly Stage[] = ['lead', 'qualified', 'proposal', 'negotiation'];

/** Each stage is a step of the sales funnel, with the default probability the document describes. */
export const STAGE_PROBABILITY: Record<Stage, string> = {
  lead: '10',
  qualified: '20',
  proposal: '50',
  negotiation: '75',
  won: '100',
  lost: '0',
};

/**
 * The stages a deal went through to reach `final`: most start as a lead, a few skip the
 * qualification call, and a lost deal fell out at one of the open stages — so the funnel's
 * "reached" and "in order" modes differ, as they do in a real pipeline.
 */
function stagesTo(final: Stage, random: Random): Stage[] {
  const lastOpen = final === 'won' ? 3 : final === 'lost' ? random.int(0, 3) : OPEN_STAGES.indexOf(final);
  const first = lastOpen > 0 && random.chance(0.15) ? 1 : 0;
  const open = OPEN_STAGES.slice(first, lastOpen + 1).filter(
    (stage, i, all) => i === 0 || i === all.length - 1 || stage !== 'qualified' || !random.chance(0.2),
  );
  return final === 'won' || final === 'lost' ? [...open, final] : open;
}

/**
 * A deal's stage history, oldest first, ending at `final` at `endMs` (its close, or a recent
 * move for an open deal): each earlier stage lasted 3–21 days, so the funnel's time in stage is
 * plausible. The records write path replays it; the installer dates each history row.
 */
export function stageHistory(final: Stage, endMs: number, random: Random): SampleStep[] {
  const stages = stagesTo(final, random);
  const times = [endMs];
  for (let i = stages.length - 1; i > 0; i -= 1) times.unshift((times[0] as number) - random.int(3, 21) * DAY_MS - random.int(0, 8) * 3_600_000);
  return stages.map((stage, i) => ({ at: new Date(times[i] as number).toISOString(), values: { stage, probability: STAGE_PROBABILITY[stage] } }));
}
