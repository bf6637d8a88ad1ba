// Opt-in browser smoke test (never part of `bun test`): the real legacy web app, built elsewhere,
// served by our server (WEB_DIST_DIR, same origin as production) on a fresh database, driven in
// headless Chromium through the main admin, staff and client flows. Fails on any /api response
// >= 400, any uncaught page error, or a step whose expected result does not appear.
//
//   bun run scripts/browser-smoke.ts <path to the built web dist> [--shots <dir>]
//
// Needs Chromium (CHROMIUM, default /usr/bin/chromium) and playwright-core, which is not a project
// dependency: install it anywhere (`npm install --prefix /tmp/pw playwright-core`) and point
// PLAYWRIGHT_CORE at it (/tmp/pw/node_modules/playwright-core/index.mjs).
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { emptyDatabase, stopCluster } from '../tests/support/postgres';
import { startServerProcess } from '../tests/support/server-process';

const [distArg, ...rest] = process.argv.slice(2);
if (!distArg || !existsSync(join(distArg, 'index.html'))) {
  console.error('usage: bun run scripts/browser-smoke.ts <web dist dir containing index.html> [--shots <dir>]');
  process.exit(2);
}
const shotsDir = rest[0] === '--shots' ? rest[1] : null;
if (shotsDir) mkdirSync(shotsDir, { recursive: true });

const { chromium } = (await import(process.env.PLAYWRIGHT_CORE ?? 'playwright-core')) as any;

const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
const problems: string[] = [];
let passedSteps = 0;

const server = await startServerProcess(await emptyDatabase(), { WEB_DIST_DIR: distArg });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});

async function session(role: string, viewport: { width: number; height: number }) {
  const context = await browser.newContext({ viewport, timezoneId: 'UTC', acceptDownloads: true });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  page.on('pageerror', (e: Error) => problems.push(`[${role}] page error: ${e.message}`));
  page.on('dialog', (d: { message(): string; accept(): Promise<void> }) => void d.accept());
  page.on('response', (r: { url(): string; status(): number; request(): { method(): string } }) => {
    const path = new URL(r.url()).pathname;
    if (path.startsWith('/api/') && r.status() >= 400) problems.push(`[${role}] ${r.request().method()} ${path} -> ${r.status()}`);
  });
  const step = async (name: string, run: () => Promise<void>) => {
    try {
      await run();
      await page.waitForLoadState('networkidle').catch(() => {});
      passedSteps++;
      console.log(`ok   ${role}: ${name}`);
    } catch (e) {
      problems.push(`[${role}] ${name}: ${(e as Error).message.split('\n')[0]}`);
      console.log(`FAIL ${role}: ${name}`);
    }
    if (shotsDir) await page.screenshot({ path: join(shotsDir, `${role}-${passedSteps}-${name.replace(/\W+/g, '_')}.png`) });
  };
  const login = async (path: string, email: string, password: string) => {
    await page.goto(server.base + path);
    await page.fill('input[type=email]', email);
    await page.fill('input[type=password]', password);
    await page.click('button[type=submit]');
    await page.waitForURL((u: URL) => !u.pathname.endsWith('/login'));
  };
  return { page, step, login };
}

try {
  const client = await session('client', { width: 430, height: 900 });
  await client.step('login', () => client.login('/client/login', 'demo@client.com', 'test123'));
  await client.step('request a booking', async () => {
    await client.page.goto(server.base + '/client/book');
    await client.page.locator('select').first().selectOption({ label: '30min Dog Walk' });
    await client.page.locator('input[type=checkbox]').first().check();
    await client.page.fill('input[type=time]', '14:00');
    await client.page.fill('textarea', 'smoke request');
    await client.page.click('button[type=submit]');
    await client.page.waitForURL('**/client/bookings');
    await client.page.getByText('Awaiting Approval').first().waitFor();
  });
  await client.step('send a message', async () => {
    await client.page.goto(server.base + '/client/messages');
    const box = client.page.locator('textarea[placeholder="Type a message..."]');
    await box.fill('hello from the smoke test');
    await client.page.locator('textarea[placeholder="Type a message..."] + button').click({ force: true });
    await client.page.getByText('hello from the smoke test').first().waitFor();
  });

  const admin = await session('admin', { width: 1280, height: 900 });
  const { page } = admin;
  const field = (label: string) =>
    page.locator('label', { has: page.locator('div', { hasText: new RegExp(`^${label}`) }) }).locator('select, input').first();
  const staffSelect = () => page.locator('select').filter({ has: page.locator('option', { hasText: 'Select staff…' }) });
  const createBooking = (name: string, o: { client: string; service: string; date: string; time: string; status: string }) =>
    admin.step(name, async () => {
      await page.goto(server.base + '/admin/bookings');
      await page.getByRole('button', { name: 'Create booking' }).click();
      await field('Client').selectOption({ label: o.client });
      await page.locator('.fixed input[type=checkbox]').first().check();
      await field('Service').selectOption({ label: o.service });
      await page.locator('.fixed input[type=date]').fill(o.date);
      await page.locator('.fixed button', { hasText: /^\d{1,2}:\d{2} [AP]M$/ }).first().click();
      await page.locator('.fixed button', { hasText: new RegExp(`^${o.time}$`) }).first().click();
      const sarah = (await staffSelect().locator('option').allTextContents()).find((t: string) => t.startsWith('Sarah Walker'));
      await staffSelect().selectOption({ label: sarah });
      await field('Status').selectOption(o.status);
      await page.locator('.fixed button.btn-primary').last().click();
      await page.getByText('Booking created successfully').waitFor();
      await page.getByRole('button', { name: 'Close' }).click();
    });

  await admin.step('login and dashboard stats', async () => {
    await admin.login('/admin/login', 'admin@demo.com', 'admin123');
    await page.getByText('Active Clients').waitFor();
    await page.getByText('£0.00').waitFor();
  });
  await admin.step('add test client with a dog', async () => {
    await page.goto(server.base + '/admin/clients');
    await page.getByRole('button', { name: 'Add test client' }).click();
    await page.getByText('John Testerton').first().waitFor();
  });
  await admin.step('add a service', async () => {
    await page.goto(server.base + '/admin/services');
    await page.getByRole('button', { name: 'Add service' }).click();
    await field('Name').fill('Smoke Visit');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Smoke Visit').first().waitFor();
  });
  await createBooking('create a booked booking', { client: 'John Testerton', service: '30min Dog Walk', date: day(1), time: '10:00 AM', status: 'BOOKED' });
  await createBooking('create a pending booking for walker1 today', { client: 'Demo Client', service: '60min Dog Walk', date: day(0), time: '11:45 PM', status: 'PENDING' });
  await admin.step('calendar shows the booking', async () => {
    await page.goto(server.base + '/admin/calendar');
    // the week grid runs Monday to Sunday: on a Sunday, tomorrow's booking is in next week
    if (new Date().getUTCDay() === 0) await page.getByRole('button', { name: /Next/ }).click();
    await page.getByText('John Testerton').first().waitFor();
  });
  await admin.step('approve the client request', async () => {
    await page.goto(server.base + '/admin/requests');
    await page.locator('div.bg-white', { hasText: 'smoke request' }).getByRole('button', { name: 'Approve' }).click();
    await page.getByText('smoke request').waitFor({ state: 'detached' });
  });
  await admin.step('complete a booking', async () => {
    await page.goto(server.base + '/admin/bookings');
    await page.getByRole('row', { name: /John Testerton/ }).getByRole('button', { name: 'Edit' }).click();
    await field('Status').selectOption('COMPLETED');
    await page.locator('.fixed button.btn-primary').last().click();
    await page.getByRole('row', { name: /John Testerton.*COMPLETED/ }).waitFor();
  });
  await admin.step('generate an invoice from pending items', async () => {
    await page.goto(server.base + '/admin/invoices');
    await page.getByRole('button', { name: /Generate Invoice \(£15\.00\)/ }).click();
    await page.locator('.fixed').getByRole('button', { name: 'Generate Invoice' }).click();
    await page.getByText('£15.00 — John Testerton').waitFor();
  });
  await admin.step('download the invoice PDF', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download PDF' }).click()]);
    const bytes = await Bun.file(await download.path()).bytes();
    if (new TextDecoder().decode(bytes.subarray(0, 5)) !== '%PDF-') throw new Error('download is not a PDF');
  });
  await admin.step('mark the invoice paid', async () => {
    await page.getByRole('button', { name: 'Mark as Paid' }).click();
    await page.locator('.fixed select').selectOption('card');
    await page.getByRole('button', { name: 'Confirm Payment' }).click();
    await page.getByText(/Paid: .*\(card\)/).waitFor();
  });

  const staff = await session('staff', { width: 430, height: 900 });
  await staff.step('login and today', async () => {
    await staff.login('/staff/login', 'walker1@demo.com', 'staff123');
    await staff.page.getByText('Demo Client').first().waitFor();
  });
  await staff.step('confirm a pending job', async () => {
    await staff.page.getByRole('button', { name: 'Confirm', exact: true }).click();
    await staff.page.getByText('Confirmed').first().waitFor();
  });
} finally {
  await browser.close();
  await server.stop();
  await stopCluster();
}

console.log(`\n${passedSteps} steps passed, ${problems.length} problems`);
for (const p of problems) console.log(`  ${p}`);
process.exit(problems.length === 0 ? 0 : 1);
