/**
 * Proposals when a desired slot is full or closed: the nearest slots with room at or after the
 * desired time (the GES 429 `data.slots`, and the IVR's "next available slot" offer).
 */
import { computeSlots, type Slot, type SlotQuery, slotFor } from './slots.ts';

const WEEK = 7 * 86_400_000;

export interface ProposalQuery extends Omit<SlotQuery, 'fromMs' | 'toMs'> {
  desiredMs: number;
  /** No proposal starts at or after this (the scheduling horizon). */
  horizonEndMs: number;
  /** How many slots to propose; 5 unless told. */
  count?: number;
  /**
   * Slots starting before this are never proposed (now: a slot already under way cannot be
   * offered, since its start is in the past). They are skipped, not counted.
   */
  earliestStartMs?: number;
}

export function proposeSlots(query: ProposalQuery): Slot[] {
  const count = query.count ?? 5;
  const proposals: Slot[] = [];
  const earliest = query.earliestStartMs ?? Number.NEGATIVE_INFINITY;
  // The desired time's own slot counts: it may have room even when the exact time was refused.
  let fromMs = slotFor(query.desiredMs, query).startMs;
  // A week at a time: the nearest slots are usually in the first window.
  while (proposals.length < count && fromMs < query.horizonEndMs) {
    const toMs = Math.min(fromMs + WEEK, query.horizonEndMs);
    for (const slot of computeSlots({ ...query, fromMs, toMs })) {
      if (slot.remaining > 0 && slot.startMs >= earliest) proposals.push(slot);
      if (proposals.length === count) break;
    }
    fromMs = toMs;
  }
  return proposals;
}
