import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '/work/main/bench/editor-browser.ts';
import { generatedApplication } from '/work/main/bench/editor-flow.ts';
import { ApiClient } from '/work/main/test/support/client.ts';
import { startRuntime } from '/work/main/test/support/start-runtime.ts';

const runtime = await startRuntime({ RINGBACK_SEED_EXAMPLES: 'false' });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
try {
  const client = await new ApiClient(runtime.baseUrl).login('admin', runtime.adminPassword);
  const r = await client.post('/api/v1/applications', generatedApplication(1000, 'bench-1000'));
  console.log(r.status);
  const page = await browser.newPage({ viewport: { width: 1500, height: 950 } });
  page.on('console', (m) => console.log('console', m.text().slice(0, 200)));
  await page.goto(runtime.baseUrl);
  await page.getByLabel('Password').fill(runtime.adminPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByLabel('New application name').waitFor();
  const t = Date.now();
  await page.goto(`${runtime.baseUrl}/#/applications/bench-1000`);
  for (let i = 0; i < 10; i++) {
    await page.waitForTimeout(1000);
    console.log(
      Date.now() - t,
      await page.evaluate(
        `(() => { const n=[...document.querySelectorAll('.react-flow__node-block')]; return [n.length, n.filter(x=>x.style.visibility==='hidden').length, n.filter(x=>!x.querySelector('.block-node')).length, document.body.innerText.slice(0,100)] })()`,
      ),
    );
  }
  await page.screenshot({ path: '/work/main/test-artifacts/dbg.png' });
} finally {
  await browser.close();
  await runtime.stop();
}
