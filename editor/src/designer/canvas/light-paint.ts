/**
 * Paints a light scene (light-scene.ts) on a 2D canvas for one viewport: links as one path,
 * blocks as one filled path per colour, then the few marked blocks (selection, issues, Find, the
 * test call) ringed. A few draw calls whatever the block count, so a frame of a 1,000-block flow
 * costs a millisecond or two, where React Flow moved a thousand elements.
 */
import type { LightBlock, LightLink, LightScene } from './light-scene.ts';

export interface LightMarks {
  selected: ReadonlySet<string>;
  severity: Readonly<Record<string, 'error' | 'warning'>>;
  searchMatches: Readonly<Record<string, true>>;
  searchCurrent: string | null;
  current: string | null;
  visited: Readonly<Record<string, true>>;
  taken: Readonly<Record<string, true>>;
  hovered: string | null;
}

/** React Flow's transform (x, y, zoom), the pane's size in CSS pixels, and the device pixel ratio. */
export interface LightView {
  x: number;
  y: number;
  zoom: number;
  width: number;
  height: number;
  ratio: number;
}

/** The colours of designer.css (`--accent`, `--danger`, …), so both drawings read alike. */
const COLORS = {
  link: '#64748b',
  taken: '#059669',
  border: '#1e293b',
  accent: '#2563eb',
  error: '#dc2626',
  warning: '#d97706',
  match: '#facc15',
  current: '#f59e0b',
  running: '#059669',
  label: '#0f172a',
};

/** Above this zoom a block is wide enough for its label. */
const LABEL_ZOOM = 0.25;
const LABEL_FONT = '11px system-ui, sans-serif';

export function paintLightScene(
  ctx: CanvasRenderingContext2D,
  scene: LightScene,
  marks: LightMarks,
  view: LightView,
): number {
  const { x, y, zoom, width, height, ratio } = view;
  // The scene's paths are built once, in flow coordinates: a frame is a transform and a few
  // fills and strokes, with no script per block or link.
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.clearRect(0, 0, width, height);
  ctx.setTransform(ratio * zoom, 0, 0, ratio * zoom, ratio * x, ratio * y);
  // One screen pixel in flow units: lines keep their on-screen width at any zoom.
  const px = 1 / zoom;
  const left = -x / zoom;
  const top = -y / zoom;
  const right = left + width / zoom;
  const bottom = top + height / zoom;
  const shows = (x0: number, y0: number, x1: number, y1: number) =>
    x1 >= left && x0 <= right && y1 >= top && y0 <= bottom;
  const blockShows = (b: LightBlock) => shows(b.x, b.y, b.x + b.width, b.y + b.height);

  const paths = pathsOf(scene);
  ctx.lineWidth = px;
  ctx.strokeStyle = COLORS.link;
  ctx.globalAlpha = 0.75;
  ctx.stroke(paths.links);
  ctx.globalAlpha = 1;
  const taken = scene.links.filter((link) => marks.taken[link.id]);
  if (taken.length) {
    ctx.lineWidth = 3 * px;
    ctx.strokeStyle = COLORS.taken;
    ctx.beginPath();
    for (const link of taken) curve(ctx, link);
    ctx.stroke();
  }
  for (const [color, path] of paths.byColor) {
    ctx.fillStyle = color;
    ctx.fill(path);
  }
  // Disabled blocks fade, as they do drawn in full (opacity 0.5).
  if (paths.disabled) {
    ctx.fillStyle = 'rgba(255, 255, 255, 0.55)';
    ctx.fill(paths.disabled);
  }
  if (zoom > 0.15) {
    ctx.globalAlpha = 0.5;
    ctx.lineWidth = px;
    ctx.strokeStyle = COLORS.border;
    ctx.stroke(paths.outlines);
    ctx.globalAlpha = 1;
  }
  const index = blockIndex(scene);
  const all = (ids: Iterable<string>) => [...ids].flatMap((id) => index.get(id) ?? []).filter(blockShows);
  const bySeverity = Object.entries(marks.severity);
  ring(ctx, all(Object.keys(marks.visited)), COLORS.running, 2 * px, 2 * px);
  ring(
    ctx,
    all(bySeverity.filter(([, s]) => s === 'warning').map(([id]) => id)),
    COLORS.warning,
    0,
    1.5 * px,
  );
  ring(ctx, all(bySeverity.filter(([, s]) => s === 'error').map(([id]) => id)), COLORS.error, 0, 2 * px);
  ring(ctx, all(Object.keys(marks.searchMatches)), COLORS.match, 4 * px, 3 * px);
  ring(ctx, all(marks.searchCurrent ? [marks.searchCurrent] : []), COLORS.current, 5 * px, 4 * px);
  ring(ctx, all(marks.current ? [marks.current] : []), COLORS.running, 4 * px, 4 * px);
  ring(ctx, all(marks.selected), COLORS.accent, 3 * px, 3 * px);
  ring(ctx, all(marks.hovered ? [marks.hovered] : []), COLORS.accent, 2 * px, 2 * px);

  // Labels in screen pixels: a font scaled with the flow would be a smudge.
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  if (zoom >= LABEL_ZOOM) {
    ctx.font = LABEL_FONT;
    ctx.fillStyle = '#fff';
    ctx.textBaseline = 'top';
    for (const b of scene.blocks) {
      if (!blockShows(b)) continue;
      const room = Math.floor((b.width * zoom - 8) / 6);
      if (room < 3) continue;
      const text = b.label.length > room ? `${b.label.slice(0, room - 1)}…` : b.label;
      ctx.fillText(text, x + b.x * zoom + 4, y + b.y * zoom + 3);
    }
  }
  const hovered = marks.hovered ? index.get(marks.hovered) : undefined;
  if (hovered) tooltip(ctx, hovered, view);
  let drawn = 0;
  for (const b of scene.blocks) if (blockShows(b)) drawn++;
  return drawn;
}

/**
 * How far a link leaves its port horizontally before turning to its target: half the way on a
 * forward link; a link back to an earlier column (a loop, the next row of a grid) turns close to
 * its ends, so it crosses the blocks between rather than looping around the whole lane.
 */
const bendOf = (link: LightLink) => (link.tx >= link.sx ? Math.max(40, (link.tx - link.sx) / 2) : 60);

function curve(path: CanvasRenderingContext2D | Path2D, link: LightLink): void {
  const bend = bendOf(link);
  path.moveTo(link.sx, link.sy);
  path.bezierCurveTo(link.sx + bend, link.sy, link.tx - bend, link.ty, link.tx, link.ty);
}

interface LightPaths {
  links: Path2D;
  byColor: [color: string, blocks: Path2D][];
  outlines: Path2D;
  disabled: Path2D | null;
}

const pathCache = new WeakMap<LightScene, LightPaths>();
function pathsOf(scene: LightScene): LightPaths {
  const cached = pathCache.get(scene);
  if (cached) return cached;
  const rect = (path: Path2D, b: LightBlock) => path.rect(b.x, b.y, b.width, b.height);
  const links = new Path2D();
  for (const link of scene.links) curve(links, link);
  const outlines = new Path2D();
  for (const b of scene.blocks) rect(outlines, b);
  const byColor = [...scene.byColor].map(([color, indexes]): [string, Path2D] => {
    const path = new Path2D();
    for (const i of indexes) rect(path, scene.blocks[i]!);
    return [color, path];
  });
  const faded = scene.blocks.filter((b) => b.disabled);
  const disabled = faded.length ? new Path2D() : null;
  for (const b of faded) if (disabled) rect(disabled, b);
  const paths = { links, byColor, outlines, disabled };
  pathCache.set(scene, paths);
  return paths;
}

function ring(
  ctx: CanvasRenderingContext2D,
  blocks: readonly LightBlock[],
  color: string,
  offset: number,
  width: number,
  alpha = 1,
): void {
  if (!blocks.length) return;
  ctx.globalAlpha = alpha;
  ctx.strokeStyle = color;
  ctx.lineWidth = width;
  ctx.beginPath();
  for (const b of blocks) ctx.rect(b.x - offset, b.y - offset, b.width + offset * 2, b.height + offset * 2);
  ctx.stroke();
  ctx.globalAlpha = 1;
}

/** The hovered block's label above it, so a block can be told before it is clicked. */
function tooltip(ctx: CanvasRenderingContext2D, b: LightBlock, { x, y, zoom }: LightView): void {
  ctx.font = '12px system-ui, sans-serif';
  ctx.textBaseline = 'middle';
  const textWidth = ctx.measureText(b.label).width;
  const left = x + b.x * zoom;
  const top = Math.max(2, y + b.y * zoom - 26);
  ctx.fillStyle = 'rgba(255, 255, 255, 0.95)';
  ctx.strokeStyle = COLORS.accent;
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.rect(left, top, textWidth + 12, 20);
  ctx.fill();
  ctx.stroke();
  ctx.fillStyle = COLORS.label;
  ctx.fillText(b.label, left + 6, top + 10);
}

const indexes = new WeakMap<LightScene, Map<string, LightBlock>>();
function blockIndex(scene: LightScene): Map<string, LightBlock> {
  let index = indexes.get(scene);
  if (!index) {
    index = new Map(scene.blocks.map((b) => [b.id, b]));
    indexes.set(scene, index);
  }
  return index;
}
