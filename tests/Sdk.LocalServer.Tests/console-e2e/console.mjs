// Drives swf-local's web console in headless Chromium: checks what each page shows for the
// workflow ConsoleBrowserTests ran, sends a signal from the page, and saves screenshots.
// usage: node console.mjs <console url> <screenshot folder> [chromium path]
import { chromium } from 'playwright-core';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [consoleUrl, shots, executable = '/usr/bin/chromium'] = process.argv.slice(2);
const DOMAIN = 'console-demo';
const RED = 'rgb(208, 49, 45)';
mkdirSync(shots, { recursive: true });
const profile = mkdtempSync(join(tmpdir(), 'swf-console-chromium-'));
const saved = [];

function check(condition, message) {
  if (!condition) throw new Error(message);
}

const context = await chromium.launchPersistentContext(profile, {
  executablePath: executable,
  headless: true,
  viewport: { width: 1440, height: 900 },
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
const page = context.pages()[0] ?? await context.newPage();
const offsite = [];
page.on('request', (r) => { if (!r.url().startsWith(consoleUrl) && !r.url().startsWith('data:')) offsite.push(r.url()); });
const pageErrors = [];
page.on('pageerror', (e) => pageErrors.push(String(e)));

async function shot(name) {
  const path = join(shots, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  saved.push(path);
}

async function openExecution(workflowId) {
  await page.goto(`${consoleUrl}#/domains/${DOMAIN}`);
  await page.locator(`#executions tr[data-workflow-id="${workflowId}"] a`).first().click();
  await page.locator('#timeline .tl-row').first().waitFor();
  await page.locator('#history').waitFor();
}

const texts = (selector) => page.locator(selector).allInnerTexts();

try {
  // Domains.
  await page.goto(consoleUrl);
  await page.locator(`#domains tr[data-domain="${DOMAIN}"]`).waitFor();
  await shot('01-domains');

  // Executions, then filters.
  await page.locator(`#domains tr[data-domain="${DOMAIN}"] a`).first().click();
  await page.locator('#executions tr[data-workflow-id="order-1001"]').waitFor();
  const ids = await texts('#executions tbody tr td:first-child');
  check(['order-1001', 'order-1002', 'order-1003', 'order-1003-shipping'].every((id) => ids.includes(id)), `executions list: ${ids}`);
  const failedStatus = await page.locator('#executions tr[data-workflow-id="order-1002"] .badge').innerText();
  check(failedStatus.trim() === 'failed', `order-1002 status: ${failedStatus}`);
  await shot('02-executions');

  await page.selectOption('#filters select[name=status]', 'FAILED');
  await page.waitForFunction(() => document.querySelectorAll('#executions tbody tr').length === 1);
  check((await texts('#executions tbody tr td:first-child'))[0] === 'order-1002', 'status filter FAILED');
  await page.selectOption('#filters select[name=status]', 'all');
  await page.fill('#filters input[name=tag]', 'vip');
  await page.click('#filters button[type=submit]');
  await page.waitForFunction(() => document.querySelectorAll('#executions tbody tr').length === 2);
  const vip = await texts('#executions tbody tr td:first-child');
  check(vip.join() === 'order-1003,order-1001', `tag filter vip: ${vip}`);
  await page.fill('#filters input[name=workflowId]', '1001');
  await page.click('#filters button[type=submit]');
  await page.waitForFunction(() => document.querySelectorAll('#executions tbody tr').length === 1);
  await shot('03-executions-filtered');

  // A completed execution: activity and timer bars, signal and marker points, input and result.
  await openExecution('order-1001');
  check(await page.locator('#timeline .bar.activity[data-state=completed]').count() === 1, 'completed activity bar');
  check(await page.locator('#timeline .bar.timer[data-state=fired]').count() === 1, 'fired timer bar');
  check(await page.locator('#timeline .point.signal').count() === 1, 'signal point');
  check(await page.locator('#timeline .point.marker').count() === 1, 'marker point');
  const io = await page.locator('#io').innerText();
  check(io.includes('"orderId": 1001') && io.includes('"status": "shipped"'), `input and result: ${io}`);
  check(await page.locator('#actions').isHidden(), 'no actions on a closed execution');
  await shot('04-execution-completed');

  // A failed execution: failures in red.
  await openExecution('order-1002');
  const failedBar = page.locator('#timeline .bar.activity.failed');
  check(await failedBar.count() === 1, 'failed activity bar');
  check(await failedBar.evaluate((el) => getComputedStyle(el).backgroundColor) === RED, 'failed bar is red');
  check(await page.locator('#timeline .bar.workflow.failed').count() === 1, 'failed run bar');
  const failure = page.locator('#io pre.failure');
  check((await failure.innerText()).includes('payment failed'), 'failure reason shown');
  check(await failure.evaluate((el) => getComputedStyle(el).color) !== 'rgb(29, 35, 48)', 'failure text is not plain ink');
  check(await page.locator('#history tr.failed[data-event-type=ActivityTaskFailed]').count() === 1, 'failed event row');
  await shot('05-execution-failed');

  // The open execution: pending work, then a signal sent from the page appears while we watch.
  await openExecution('order-1003');
  const pending = await page.locator('#pending').innerText();
  check(pending.includes('pack-1') && pending.includes('slow-workers') && pending.includes('reminder') && pending.includes('order-1003-shipping'), `pending: ${pending}`);
  check(await page.locator('#timeline .bar.open').count() >= 3, 'open bars for the activity, timer and child');
  check(await page.locator('#timeline .bar.child').count() === 1, 'child bar');
  await shot('06-execution-open');
  await page.fill('#signal-form input[name=signalName]', 'ship-now');
  await page.fill('#signal-form input[name=signalInput]', '{"carrier":"dhl"}');
  await page.click('#signal-form button[type=submit]');
  await page.locator('#history tr[data-event-type=WorkflowExecutionSignaled]').waitFor({ timeout: 5000 });
  check((await page.locator('#history').innerText()).includes('ship-now'), 'the new signal event is listed');
  check(await page.locator('#timeline .point.signal').count() === 1, 'the signal shows on the timeline');
  check((await page.locator('#pending').innerText()).includes('decision task'), 'the signal scheduled a decision task');
  await shot('07-execution-open-after-signal');

  // Task lists: pending counts and the waiting poller.
  await page.goto(`${consoleUrl}#/domains/${DOMAIN}/tasklists`);
  await page.locator('#task-lists tr[data-task-list="slow-workers"]').waitFor();
  check((await page.locator('#task-lists tr[data-task-list="slow-workers"] td.pending').innerText()) === '1', 'slow-workers pending count');
  const pollers = await page.locator('#task-lists tr[data-task-list="workers"][data-kind=activity] td.pollers').innerText();
  check(pollers.includes('worker-7@console-test'), `pollers: ${pollers}`);
  await shot('08-task-lists');

  check(offsite.length === 0, `requests outside swf-local: ${offsite}`);
  check(pageErrors.length === 0, `page errors: ${pageErrors}`);
  console.log(JSON.stringify({ ok: true, screenshots: saved }));
} catch (error) {
  await shot('failure').catch(() => {});
  console.error(`console e2e failed on ${page.url()}: ${error.stack || error}`);
  process.exitCode = 1;
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
