import { describe, expect, it } from 'vitest';
import { newApplication } from '../flow/new-application.ts';
import { definitions } from '../test-support/definitions.ts';
import { blockShape } from './block-geometry.ts';
import { laneBoxes } from './lanes.ts';
import { blockAtPoint, lightScene } from './light-scene.ts';

const byId = Object.fromEntries(definitions.map((d) => [d.id, d]));

/** A menu whose second option leads to a message, in Self Service (the second lane). */
function menuAndMessage() {
  const doc = newApplication('Light', 'Default', 'light');
  doc.blocks.menu = {
    type: 'menu',
    typeVersion: 1,
    phase: 'selfService',
    properties: {
      options: [
        { digit: '1', label: 'Sales' },
        { digit: '2', label: 'Support' },
      ],
    },
    next: { 'option:2': 'hello' },
  };
  doc.blocks.hello = {
    type: 'play-message',
    typeVersion: 1,
    phase: 'selfService',
    label: 'Welcome',
    properties: {},
    next: {},
  };
  doc.phases.selfService = 'menu';
  doc.layout = { positions: { menu: { x: 40, y: 60 }, hello: { x: 400, y: 200 } } };
  const lanes = laneBoxes(doc, () => 100);
  return { doc, lanes, selfService: lanes.find((l) => l.phase === 'selfService')! };
}

describe('the light drawing’s scene', () => {
  it('places blocks in flow coordinates, inside their lane, at their drawn size', () => {
    const { doc, lanes, selfService } = menuAndMessage();
    const scene = lightScene({
      doc,
      lanes,
      definitions: byId,
      measuredHeight: (id) => (id === 'hello' ? 90 : undefined),
    });
    const menu = scene.blocks.find((b) => b.id === 'menu')!;
    const hello = scene.blocks.find((b) => b.id === 'hello')!;
    expect(selfService.y).toBeGreaterThan(0);
    expect([menu.x, menu.y]).toEqual([selfService.x + 40, selfService.y + 60]);
    // Unmeasured: the height the block will have (two options, no input, no match).
    expect(menu.height).toBe(blockShape(['option:1', 'option:2', 'noInput', 'noMatch'], false).height);
    expect(hello.height).toBe(90);
    expect(menu.start && !hello.start).toBe(true);
    expect(hello.label).toBe('Welcome');
  });

  it('draws a link from its outcome’s port to the middle of the target’s input side', () => {
    const { doc, lanes } = menuAndMessage();
    const scene = lightScene({ doc, lanes, definitions: byId, measuredHeight: () => undefined });
    const menu = scene.blocks.find((b) => b.id === 'menu')!;
    const hello = scene.blocks.find((b) => b.id === 'hello')!;
    expect(scene.links).toHaveLength(1);
    const [link] = scene.links;
    const port = blockShape(['option:1', 'option:2', 'noInput', 'noMatch'], false).handles.find(
      (h) => h.id === 'option:2',
    )!;
    expect(link).toEqual({
      id: 'menu->option:2',
      sx: menu.x + menu.width,
      sy: menu.y + port.y + port.height! / 2,
      tx: hello.x,
      ty: hello.y + hello.height / 2,
    });
  });

  it('groups blocks by colour, one group per kind of block', () => {
    const { doc, lanes } = menuAndMessage();
    doc.blocks.bye = {
      type: 'terminate-call',
      typeVersion: 1,
      phase: 'selfService',
      properties: {},
      next: {},
    };
    const scene = lightScene({ doc, lanes, definitions: byId, measuredHeight: () => undefined });
    // Menu and Play Message are both User Interaction; Terminate Call is Logic & Control.
    expect([...scene.byColor.values()].map((group) => group.map((i) => scene.blocks[i]!.id))).toEqual([
      ['menu', 'hello'],
      ['bye'],
    ]);
  });

  it('finds the block under a point, and none between blocks', () => {
    const { doc, lanes, selfService } = menuAndMessage();
    const scene = lightScene({ doc, lanes, definitions: byId, measuredHeight: () => undefined });
    expect(blockAtPoint(scene, { x: selfService.x + 400 + 5, y: selfService.y + 200 + 5 })?.id).toBe('hello');
    expect(blockAtPoint(scene, { x: selfService.x + 40 + 219, y: selfService.y + 61 })?.id).toBe('menu');
    expect(blockAtPoint(scene, { x: selfService.x + 300, y: selfService.y + 100 })).toBeUndefined();
  });
});
