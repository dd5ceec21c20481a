/**
 * Profiles opening the generated 1,000-block application: `npx tsx bench/editor-profile.ts`;
 * with `drag`, a block dragged; with `view`, the whole flow fitted, wheel-zoomed and panned;
 * with `import`, opening the same flow imported without positions.
 * Prints the functions with the most self time (build with `--minify false` for readable names);
 * `PROFILE_OUT=file` also writes the whole CPU profile there (for a call-tree viewer).
 */
import { writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { ApiClient } from '../test/support/client.ts';
import { startRuntime } from '../test/support/start-runtime.ts';
import { CHROMIUM_ARGS, dragBlock } from './editor-browser.ts';
import { generatedApplication } from './editor-flow.ts';
import { fitWholeFlow, zoomAndPan } from './editor-view.ts';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

const runtime = await startRuntime({ RINGBACK_SEED_EXAMPLES: 'false' });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
try {
  const client = await new ApiClient(runtime.baseUrl).login('admin', runtime.adminPassword);
  const phase = process.argv[2] ?? 'open';
  const application = generatedApplication(Number(process.env.COUNT ?? 1000), 'bench-1000');
  if (phase === 'import') delete application.layout;
  await client.post('/api/v1/applications', application);
  const page = await browser.newPage({ viewport: { width: 1500, height: 950 } });
  await page.goto(runtime.baseUrl);
  await page.getByLabel('Password').fill(runtime.adminPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByLabel('New application name').waitFor();
  await page.evaluate("localStorage.setItem('ringbackBench', '1')");
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  if (phase === 'open' || phase === 'import') await cdp.send('Profiler.start');
  await page.goto(`${runtime.baseUrl}/#/applications/bench-1000`);
  await page.locator('[data-block-id="b3"]').waitFor();
  await page.waitForTimeout(Number(process.env.SETTLE_MS ?? 1500));
  console.log(
    'block components rendered while opening:',
    await page.evaluate('Object.keys(window.__ringbackRenderCounts ?? {}).length'),
  );
  if (phase === 'drag') {
    await cdp.send('Profiler.start');
    console.log(await dragBlock(page, 'b3'));
  }
  if (phase === 'view') {
    console.log('fitted at zoom', await fitWholeFlow(page));
    await cdp.send('Profiler.start');
    console.log(await zoomAndPan(page));
  }
  const { profile } = await cdp.send('Profiler.stop');
  if (process.env.PROFILE_OUT) writeFileSync(process.env.PROFILE_OUT, JSON.stringify(profile));
  const byId = new Map((profile.nodes as ProfileNode[]).map((n) => [n.id, n]));
  const self = new Map<string, number>();
  profile.samples?.forEach((id: number, i: number) => {
    const frame = byId.get(id)!.callFrame;
    const key = `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop()}:${frame.lineNumber}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas?.[i] ?? 0));
  });
  for (const [key, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) {
    console.log(`${(us / 1000).toFixed(0).padStart(7)} ms  ${key}`);
  }
} finally {
  await browser.close();
  await runtime.stop();
}
