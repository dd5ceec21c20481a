/**
 * A generated Default application for the editor benchmark: `count` blocks in Self Service and
 * Assisted Service, a realistic mix (menus with several options, user inputs, segmentations,
 * prompts, assignments), every block linked onward and laid out in `layout.positions`.
 */
import type { Application, BlockInstance, Phase } from '../schemas/application.generated.ts';

const COLUMNS = 20;
const COLUMN_WIDTH = 280;
const ROW_HEIGHT = 220;

function blockAt(i: number, phase: Phase, next: string | undefined, alt: string | undefined): BlockInstance {
  const to = (target: string | undefined, outcome: string) => (target ? { [outcome]: target } : {});
  switch (i % 5) {
    case 0:
      return {
        type: 'menu',
        typeVersion: 1,
        phase,
        properties: {
          prompts: [{ type: 'tts', value: `Menu ${i}: press 1, 2 or 3.` }],
          options: [
            { digit: '1', label: 'Sales' },
            { digit: '2', label: 'Support' },
            { digit: '3', label: 'Billing' },
          ],
          timeoutSeconds: 5,
          retries: 2,
        },
        next: {
          ...to(next, 'option:1'),
          ...to(alt, 'option:2'),
          ...to(next, 'option:3'),
          ...to(alt, 'noInput'),
        },
      };
    case 1:
      return {
        type: 'user-input',
        typeVersion: 1,
        phase,
        properties: {
          prompts: [{ type: 'tts', value: `Input ${i}: key in your account number.` }],
          inputType: 'digits',
          minDigits: 4,
          maxDigits: 8,
          resultVariable: 'account',
          retries: 1,
        },
        next: { ...to(next, 'next'), ...to(alt, 'noInput'), ...to(alt, 'noMatch') },
      };
    case 2:
      return {
        type: 'segmentation',
        typeVersion: 1,
        phase,
        properties: {
          conditions: [
            { label: 'vip', expression: "account == '1234'" },
            { label: 'long', expression: 'counter > 10' },
          ],
        },
        next: { ...to(next, 'condition:1'), ...to(alt, 'condition:2'), ...to(next, 'default') },
      };
    case 3:
      return {
        type: 'play-message',
        typeVersion: 1,
        phase,
        properties: { prompts: [{ type: 'tts', value: `Message ${i}` }] },
        next: to(next, 'next'),
      };
    default:
      return {
        type: 'assign-variables',
        typeVersion: 1,
        phase,
        properties: { assignments: [{ variable: 'counter', expression: 'counter + 1' }] },
        next: to(next, 'next'),
      };
  }
}

export function generatedApplication(count: number, id: string): Application {
  const selfService = Math.ceil(count * 0.6);
  const blocks: Record<string, BlockInstance> = {};
  const positions: Record<string, { x: number; y: number }> = {};
  const phaseOf = (i: number): Phase => (i < selfService ? 'selfService' : 'assistedService');
  for (let i = 0; i < count; i++) {
    const phase = phaseOf(i);
    const inPhase = (j: number) => (j < count && phaseOf(j) === phase ? `b${j}` : undefined);
    blocks[`b${i}`] = blockAt(i, phase, inPhase(i + 1), inPhase(i + 2));
    const index = phase === 'selfService' ? i : i - selfService;
    positions[`b${i}`] = {
      x: 40 + (index % COLUMNS) * COLUMN_WIDTH,
      y: 50 + Math.floor(index / COLUMNS) * ROW_HEIGHT,
    };
  }
  return {
    schemaVersion: 1,
    id,
    name: `Generated ${count} blocks`,
    type: 'Default',
    variables: [
      { name: 'counter', default: 0 },
      { name: 'account', default: '' },
    ],
    phases: {
      initialize: null,
      selfService: 'b0',
      assistedService: count > selfService ? `b${selfService}` : null,
      finalize: null,
    },
    blocks,
    layout: { positions, viewport: { x: 20, y: 10, zoom: 0.5 } },
  };
}

/** Block positions grouped by phase lane, for finding which blocks the opening view shows. */
export function positionsByPhase(app: Application): Record<string, [string, number, number][]> {
  const byPhase: Record<string, [string, number, number][]> = {};
  for (const [id, block] of Object.entries(app.blocks)) {
    const p = app.layout?.positions?.[id];
    if (!block || !p) continue;
    const lane = byPhase[block.phase] ?? [];
    lane.push([id, p.x, p.y]);
    byPhase[block.phase] = lane;
  }
  return byPhase;
}
