/**
 * Checks of the graph: links leave from real outcomes and reach blocks of the same phase,
 * phase entries name blocks of their phase; then warnings for unconnected outcomes, blocks
 * no phase entry reaches, and loops that could run without waiting for the caller.
 */
import type { Application, Phase } from '../application.generated.ts';
import { isCycle, reachableFrom, stronglyConnectedComponents } from './graph.ts';
import type { CheckedBlock } from './validate-blocks.ts';
import { type IssueList, pointerTo } from './validate-issues.ts';

const phases: readonly Phase[] = ['initialize', 'selfService', 'assistedService', 'finalize'];

/** Loop warnings list at most this many blocks by name. */
const loopListLimit = 10;

export function checkLinks(application: Application, checked: readonly CheckedBlock[], issues: IssueList) {
  const indexOf = new Map<string, number>();
  checked.forEach((c, index) => {
    indexOf.set(c.id, index);
  });
  // Only same-phase links to existing blocks can run; the others are errors reported here.
  const successors: number[][] = checked.map(() => []);

  checked.forEach(({ id, block, ports }, index) => {
    const known = ports === undefined ? undefined : new Set(ports);
    for (const [outcome, target] of Object.entries(block.next)) {
      if (target === undefined) continue;
      const where = { blockId: id, pointer: pointerTo('blocks', id, 'next', outcome) };
      if (known !== undefined && !known.has(outcome)) {
        issues.error('UNKNOWN_OUTCOME', `The block has no outcome '${outcome}'`, where);
      }
      const targetIndex = indexOf.get(target);
      if (targetIndex === undefined) {
        issues.error('LINK_TO_MISSING_BLOCK', `Outcome '${outcome}' links to missing block ${target}`, where);
      } else if (checked[targetIndex]!.block.phase !== block.phase) {
        issues.error(
          'LINK_ACROSS_PHASES',
          `Outcome '${outcome}' links to ${target} in the ${checked[targetIndex]!.block.phase} phase`,
          where,
        );
      } else if (!successors[index]!.includes(targetIndex)) {
        successors[index]!.push(targetIndex);
      }
    }
    if (ports === undefined || checked[index]!.definition?.endsCall) return;
    // An outcome that jumps to Finalize (Route Call's routed) is complete without a link, and a
    // block with a single outcome may end its phase's path: the call moves on to the next phase.
    const jumps = checked[index]!.definition?.jumpsToFinalize ?? [];
    if (ports.length === 1) return;
    for (const outcome of ports) {
      if (Object.hasOwn(block.next, outcome) || jumps.includes(outcome)) continue;
      issues.warning('UNCONNECTED_OUTCOME', `Outcome '${outcome}' is not connected`, {
        blockId: id,
        pointer: pointerTo('blocks', id, 'next', outcome),
      });
    }
  });

  const entries = checkPhaseEntries(application, checked, indexOf, issues);
  checkReachability(checked, successors, entries, issues);
  checkLoops(checked, successors, issues);
}

/** Reports bad phase entries; returns the usable entry of each phase. */
function checkPhaseEntries(
  application: Application,
  checked: readonly CheckedBlock[],
  indexOf: ReadonlyMap<string, number>,
  issues: IssueList,
): Map<Phase, number> {
  const entries = new Map<Phase, number>();
  for (const phase of phases) {
    const entry = application.phases[phase];
    if (entry === null) continue;
    const index = indexOf.get(entry);
    const pointer = pointerTo('phases', phase);
    if (index === undefined) {
      issues.error('PHASE_ENTRY_MISSING', `The ${phase} phase starts at missing block ${entry}`, { pointer });
    } else if (checked[index]!.block.phase !== phase) {
      issues.error(
        'PHASE_ENTRY_WRONG_PHASE',
        `The ${phase} phase starts at ${entry}, a block of the ${checked[index]!.block.phase} phase`,
        { blockId: entry, pointer },
      );
    } else {
      entries.set(phase, index);
    }
  }
  return entries;
}

function checkReachability(
  checked: readonly CheckedBlock[],
  successors: readonly number[][],
  entries: ReadonlyMap<Phase, number>,
  issues: IssueList,
) {
  const reached = new Map([...entries].map(([phase, entry]) => [phase, reachableFrom(successors, entry)]));
  checked.forEach(({ id, block }, index) => {
    const inPhase = reached.get(block.phase);
    if (inPhase?.[index] === 1) return;
    const message =
      inPhase === undefined
        ? `The block is never reached: the ${block.phase} phase has no valid start block`
        : `The block is never reached from the start of the ${block.phase} phase`;
    issues.warning('UNREACHABLE_BLOCK', message, { blockId: id, pointer: pointerTo('blocks', id) });
  });
}

function checkLoops(checked: readonly CheckedBlock[], successors: readonly number[][], issues: IssueList) {
  // A disabled block is skipped, so it does not wait for input even if its type does.
  const waits = (index: number) => {
    const { definition, block } = checked[index]!;
    return definition?.waitsForInput === true && block.disabled !== true;
  };
  const loops = stronglyConnectedComponents(successors)
    .filter((component) => isCycle(component, successors) && !component.some(waits))
    .map((component) => component.map((index) => checked[index]!.id).sort(byCodeUnit))
    .sort((a, b) => byCodeUnit(a[0]!, b[0]!));
  for (const ids of loops) {
    const first = ids[0]!;
    const shown = ids.slice(0, loopListLimit).join(', ');
    const more = ids.length > loopListLimit ? ` and ${ids.length - loopListLimit} more` : '';
    issues.warning(
      'LOOP_WITHOUT_INPUT',
      `These blocks form a loop with no block that waits for caller input: ${shown}${more}`,
      { blockId: first, pointer: pointerTo('blocks', first) },
    );
  }
}

function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
