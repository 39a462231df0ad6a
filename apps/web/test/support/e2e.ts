import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type Browser,
  type BrowserContext,
  chromium,
  type Locator,
  type Page,
} from 'playwright-core';
import { expect, inject } from 'vitest';
import { buildWebIfStale } from '../../../../scripts/build-web.js';
import { type RunningWorker, startWorker } from '@lianxi/worker';
import { CHROMIUM } from '../../../../test/support/chromium.js';
import { createTestEnv, type TestEnv } from '../../../../test/support/harness.js';
import { silent } from '../../../../test/support/wait.js';

export const PASSWORD = 'Lianxi@2026';
export const SCREENSHOTS = fileURLToPath(
  new URL('../../test-results/screenshots', import.meta.url),
);
export const DESKTOP = { width: 1366, height: 768 };
export const PHONE = { width: 390, height: 844 };

const LOCK = join(tmpdir(), 'lianxi-web-build.lock');

/**
 * Test files run in parallel and each needs a current build; a lock directory makes one of
 * them build while the others wait, so none serves a dist that is being rewritten.
 */
export async function ensureWebBuilt(): Promise<void> {
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      // A lock left by a killed run would block every later run: take it over after 3 min.
      if (existsSync(LOCK) && Date.now() - statSync(LOCK).mtimeMs > 180_000)
        rmSync(LOCK, { recursive: true, force: true });
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  try {
    buildWebIfStale(() => {});
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

/** The API (which serves the built web app) on a real port. */
export async function listen(env: TestEnv): Promise<string> {
  await env.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = env.app.server.address() as AddressInfo;
  return `http://127.0.0.1:${port}`;
}

/** The run's shared Chromium (test/support/browser-setup.ts), connected to for this file. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} not found: install it with apt-get install -y chromium fonts-noto-cjk (never playwright install)`,
    );
  }
  return chromium.connect(inject('browserEndpoint'));
}

export interface Session {
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught exceptions seen so far. */
  errors: string[];
  /** Console errors the test said to expect, kept so it can check they really happened. */
  allowed: string[];
}

/**
 * A fresh browser context (its own sessionStorage, so its own login) that records every
 * console error and page exception. `allow` lists console errors a test expects, such as
 * the browser's own log line for a 404 the test provokes on purpose.
 */
export async function openSession(
  browser: Browser,
  baseURL: string,
  viewport = DESKTOP,
  allow: RegExp[] = [],
): Promise<Session> {
  const context = await browser.newContext({
    baseURL,
    viewport,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    deviceScaleFactor: 1,
  });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const errors: string[] = [];
  const allowed: string[] = [];
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    const line = `${m.text()} @ ${m.location().url}`;
    (allow.some((re) => re.test(line)) ? allowed : errors).push(line);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  return { context, page, errors, allowed };
}

export async function login(page: Page, username: string, password = PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  // Let fonts and antd's motion settle so the picture shows the page, not a transition.
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

export function expectNoErrors(...sessions: Session[]): void {
  expect(sessions.flatMap((s) => s.errors)).toEqual([]);
}

/**
 * Clicks a menu entry by its whole label: the accessible name starts with the icon's, and a
 * part would be ambiguous (线索 is in 线索登记 and 线索管理).
 */
export async function openMenu(page: Page, label: string): Promise<void> {
  await page.getByRole('menuitem', { name: new RegExp(`(^|\\s)${label}$`) }).click();
}

/** Picks an option of an antd Select by typing part of its label. */
export async function pickOption(page: Page, testId: string, text: string): Promise<void> {
  const select = page.getByTestId(testId);
  await select.click();
  await select.locator('input').fill(text);
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text })
    .first()
    .click();
  await page.keyboard.press('Escape');
}

/**
 * Clicks an option of the antd Select whose dropdown is open. A click that lands while the
 * dropdown is still opening can be lost, leaving it open over the dialog's buttons, so this
 * waits for the opening motion to end, and then for the dropdown to close as a taken click
 * closes it.
 */
export async function chooseOption(page: Page, label: string | RegExp): Promise<void> {
  const dropdown = page.locator('.ant-select-dropdown:visible');
  await expect.poll(() => dropdown.getAttribute('class')).not.toMatch(/-(appear|enter)\b/);
  await dropdown.locator('.ant-select-item-option').filter({ hasText: label }).first().click();
  await expect.poll(() => dropdown.count()).toBe(0);
}

/**
 * A dialog by its title once its opening motion has ended: on a busy machine a click on its
 * button while it still zooms in can be lost, and the form never hears of it.
 */
export async function openedDialog(page: Page, name: string): Promise<Locator> {
  const dialog = page.getByRole('dialog', { name });
  await expect
    .poll(() => dialog.getAttribute('class'), { timeout: 10_000 })
    .not.toMatch(/-(appear|enter)\b/);
  return dialog;
}

export interface Stage {
  env: TestEnv;
  baseURL: string;
  browser: Browser;
  worker?: RunningWorker;
}

/**
 * One test file's stage: a current build, the file's own database with the API on a real
 * port, a browser, and a worker (sweeping every 3 s) when the file needs clocks to run.
 */
export async function openStage(options: { worker?: boolean } = {}): Promise<Stage> {
  await ensureWebBuilt();
  const env = await createTestEnv();
  const baseURL = await listen(env);
  const worker = options.worker
    ? await startWorker({
        config: env.config,
        database: env.database,
        clock: env.clock,
        log: silent,
        reconcileEveryMs: 3000,
      })
    : undefined;
  return { env, baseURL, browser: await launchBrowser(), worker };
}

export async function closeStage(stage: Partial<Stage>): Promise<void> {
  await stage.browser?.close();
  await stage.worker?.close();
  await stage.env?.close();
}

/** A menu label exactly, after the icon's text. */
const exact = (label: string) => new RegExp(`(^|\\s)${label}$`);

/** Opens a menu entry inside a group (会议考核, 统计简报), opening the group when it is shut. */
export async function openGrouped(page: Page, group: string, label: string) {
  const item = page.getByRole('menuitem', { name: exact(label) });
  if (!(await item.isVisible())) await page.getByRole('menuitem', { name: exact(group) }).click();
  await item.click();
}
