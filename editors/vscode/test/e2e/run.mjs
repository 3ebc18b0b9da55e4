// Drives a running code-server (VS Code in a browser) through headless
// Chromium and checks what a person would see with the pgm extension on the
// test workspace. Started by scripts/test-vscode, which starts code-server.
//
//   node run.mjs --url URL --workspace DIR --harness DIR --screenshot FILE --results FILE
//
// Every wait is bounded; the whole run stops itself after RUN_LIMIT_MS.
// Prints one line per check and a closing "vscode-e2e: N passed, M failed";
// exits 0 only when every check passed.

import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';

const { values: options } = parseArgs({
  options: {
    url: { type: 'string' },
    workspace: { type: 'string' },
    screenshot: { type: 'string' },
    results: { type: 'string' },
    harness: { type: 'string' },
  },
});
for (const name of ['url', 'workspace', 'screenshot', 'results', 'harness']) {
  if (!options[name]) {
    console.error(`missing --${name}`);
    process.exit(2);
  }
}
const { chromium } = createRequire(`${options.harness}/package.json`)('playwright-core');

const RUN_LIMIT_MS = 240_000;
/** The first diagnostics wait for the server to start and load the workspace. */
const FIRST_ANSWER_MS = 20_000;
const ANSWER_MS = 10_000;
const UI_MS = 10_000;

// The test workspace (editors/vscode/test/workspace), 1-based positions.
const APOLLO = 'apollo.pgm';
const HERMES = 'hermes.pgm';
/** `iam` in `depends_on: apollo.iam` in hermes.pgm. */
const QUALIFIED_REFERENCE = { file: HERMES, line: 6, column: 25 };
/** Where `project iam` is defined in apollo.pgm. */
const IAM_DEFINITION_LINE = 13;
/** A today after the work should have finished, which makes it overdue. */
const LATER_TODAY = '2027-06-01';
/** `    duration: 2w`, the last line of `project reporting`, which has no dependency. */
const REPORTING_LAST_LINE = 31;
const REPORTING_DURATION_COLUMN = 15;
/** `reporting` starts on today, 2027-01-04 in pgm.toml, and lasts 2w, then 3w. */
const REPORTING_DATES = { before: '2027-01-04 → 2027-01-15', after: '2027-01-04 → 2027-01-22' };

const results = { checks: [], notifications: [], statusBar: '' };
let browser;
const watchdog = setTimeout(() => {
  console.error(`error: the run took longer than ${RUN_LIMIT_MS / 1000} s; stopping`);
  finish(1);
}, RUN_LIMIT_MS);

browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
  timeout: 30_000,
});
const page = await browser.newPage({ viewport: { width: 1680, height: 1000 } });
page.setDefaultTimeout(UI_MS);

try {
  await page.goto(`${options.url}/?folder=${encodeURIComponent(options.workspace)}`, {
    timeout: 30_000,
  });
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  await page.locator('.part.statusbar').waitFor();

  await check('the language server runs', serverRuns);
  await check('the Problems panel shows the dependency cycle and the date conflict', problems);
  await check('a hover shows the computed dates of a project in another file', hover);
  await check('go to definition lands in the other file', definition);
  await check('completion after `depends_on: ` offers projects and milestones only', completion);
  await check('"Show schedule" draws the schedule with the critical path', schedule);
  await check('setting pgm.today re-checks the plan without a restart', todaySetting);
  await saveScreenshot();
  await check('no error reaches the user from the extension or the server', quietNotifications);
} catch (error) {
  record('the workbench', false, describe(error));
  await saveScreenshot();
}
finish(results.checks.every((c) => c.passed) ? 0 : 1);

// ---- checks ----------------------------------------------------------------

async function serverRuns() {
  // The item ends up with a check when the server runs and an error icon
  // when it cannot (missing, failed, stopped): either is final.
  const settled = page.locator(
    '.statusbar-item:has(.codicon-check, .codicon-error, .codicon-debug-stop)',
    {
      hasText: 'pgm',
    },
  );
  await settled
    .first()
    .waitFor({ timeout: FIRST_ANSWER_MS })
    .catch(() => {
      throw new Error('the status bar shows no pgm item with a final state');
    });
  const running = await settled.first().locator('.codicon-check').count();
  if (running === 0) {
    const shown = ((await settled.first().textContent()) ?? '').trim();
    throw new Error(`the status bar says "${shown}", not that the server runs`);
  }
}

async function problems() {
  await openFile(HERMES);
  await page.keyboard.press('Control+Shift+M');
  const panel = page.locator('.markers-panel');
  await panel.waitFor();
  const expected = [
    '`hermes.design` depends on `hermes.review` inside a dependency cycle',
    '`hermes.review` depends on `hermes.design` inside a dependency cycle',
    '`apollo.billing` is committed to start on 2027-02-01, but its dependency on `apollo.iam` lets it start on 2027-04-05',
  ];
  await waitForText(panel, expected, FIRST_ANSWER_MS, 'the Problems panel');
}

async function hover() {
  await openFile(QUALIFIED_REFERENCE.file);
  await goTo(QUALIFIED_REFERENCE.line, QUALIFIED_REFERENCE.column);
  const hoverWidget = page.locator('.monaco-hover:not(.hidden)').last();
  const expected = ['Identity and access', '2027-02-15', '2027-03-26'];
  const deadline = Date.now() + ANSWER_MS;
  let last = '';
  while (Date.now() < deadline) {
    // Ctrl+K Ctrl+I: show the hover at the cursor, as a keyboard user does.
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
    last = (await hoverWidget.textContent({ timeout: 2_000 }).catch(() => '')) ?? '';
    if (expected.every((text) => last.includes(text))) {
      return;
    }
    await page.keyboard.press('Escape');
    await page.waitForTimeout(1_000);
  }
  throw new Error(`the hover shows ${quote(last)}; expected ${expected.map(quote).join(', ')}`);
}

async function definition() {
  await openFile(QUALIFIED_REFERENCE.file);
  await goTo(QUALIFIED_REFERENCE.line, QUALIFIED_REFERENCE.column);
  await page.keyboard.press('F12');
  const activeTab = page.locator('.tabs-container .tab.active');
  const cursor = page.locator('[id="status.editor.selection"]');
  const deadline = Date.now() + ANSWER_MS;
  let where = '';
  while (Date.now() < deadline) {
    const tab = (
      (await activeTab
        .first()
        .getAttribute('aria-label')
        .catch(() => '')) ?? ''
    ).trim();
    const position = ((await cursor.textContent().catch(() => '')) ?? '').trim();
    where = `${tab} at ${position}`;
    if (tab.startsWith(APOLLO) && position.startsWith(`Ln ${IAM_DEFINITION_LINE},`)) {
      return;
    }
    await page.waitForTimeout(250);
  }
  throw new Error(
    `after F12 the editor shows ${where}; expected ${APOLLO} at line ${IAM_DEFINITION_LINE}`,
  );
}

async function completion() {
  await openFile(APOLLO);
  await goTo(REPORTING_LAST_LINE, 1);
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('depends_on: ');
  const rows = page.locator('.suggest-widget.visible .monaco-list-row');
  const wanted = ['network', 'iam', 'billing', 'launch'];
  const unwanted = ['alice', 'backend'];
  const deadline = Date.now() + ANSWER_MS;
  let labels = [];
  try {
    while (Date.now() < deadline) {
      await page.keyboard.press('Control+Space');
      // The list fills once the server answers: on a busy machine that is
      // after the key press returns, and reading at once finds it empty.
      await rows
        .first()
        .waitFor({ timeout: 2_000 })
        .catch(() => {});
      labels = await rows
        .locator('.label-name')
        .allTextContents()
        .catch(() => []);
      labels = labels.map((label) => label.trim());
      if (wanted.every((name) => labels.includes(name))) {
        break;
      }
      await page.keyboard.press('Escape');
      await page.waitForTimeout(1_000);
    }
  } finally {
    await page.keyboard.press('Escape');
    await runCommand('File: Revert File');
  }
  const missing = wanted.filter((name) => !labels.includes(name));
  const wrong = unwanted.filter((name) => labels.includes(name));
  if (missing.length > 0 || wrong.length > 0) {
    throw new Error(
      `completion offered [${labels.join(', ')}]` +
        (missing.length ? `; missing ${missing.join(', ')}` : '') +
        (wrong.length ? `; should not offer ${wrong.join(', ')}` : ''),
    );
  }
}

async function schedule() {
  await openFile(APOLLO);
  await runCommand('pgm: Show schedule');
  await waitForSchedule([
    'apollo.network',
    'critical',
    'hermes.design',
    'not scheduled',
    `apollo.reporting Reporting ${REPORTING_DATES.before}`,
  ]);
  // The view follows the files: lengthen `reporting` from 2w to 3w and save.
  await goTo(REPORTING_LAST_LINE, REPORTING_DURATION_COLUMN);
  await page.keyboard.press('Shift+End');
  await page.keyboard.type('3w');
  await page.keyboard.press('Control+S');
  await waitForSchedule([`apollo.reporting Reporting ${REPORTING_DATES.after}`]);
}

/** Waits until the schedule's webview shows every text of `expected`. */
async function waitForSchedule(expected) {
  const deadline = Date.now() + ANSWER_MS;
  let seen = '';
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      const text = await frame
        .locator('body')
        .innerText({ timeout: 1_000 })
        .catch(() => '');
      const flat = text.replace(/\s+/g, ' ');
      if (flat.includes('Schedule')) {
        seen = flat;
        if (expected.every((part) => flat.includes(part))) {
          return;
        }
      }
    }
    await page.waitForTimeout(500);
  }
  throw new Error(
    `the schedule view shows ${quote(seen)}; expected ${expected.map(quote).join(', ')}`,
  );
}

async function todaySetting() {
  // As if the user set it in the workspace's settings: VS Code sees the file
  // change and the extension sends workspace/didChangeConfiguration.
  mkdirSync(`${options.workspace}/.vscode`, { recursive: true });
  writeFileSync(
    `${options.workspace}/.vscode/settings.json`,
    JSON.stringify({ 'pgm.today': LATER_TODAY }, null, 2),
  );
  const panel = page.locator('.markers-panel');
  if (!(await panel.isVisible())) {
    await page.keyboard.press('Control+Shift+M');
  }
  await waitForText(
    panel,
    [`\`apollo.network\` was due to finish on 2027-02-12, before today (${LATER_TODAY})`],
    ANSWER_MS,
    'the Problems panel',
  );
}

async function quietNotifications() {
  // Toasts hide on Escape; the notification centre keeps every message.
  await runCommand('Notifications: Show Notifications');
  await page.locator('.notifications-center').waitFor();
  results.notifications = await page
    .locator('.notifications-center .notification-list-item')
    .allInnerTexts();
  const ours = results.notifications.filter((text) => /pgm/i.test(text));
  if (ours.length > 0) {
    throw new Error(`the user was shown: ${ours.map(quote).join('; ')}`);
  }
}

// ---- driving the workbench -------------------------------------------------

async function runCommand(title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(`>${title}`);
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first().waitFor();
  await page.keyboard.press('Enter');
}

async function openFile(name) {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(name);
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: name }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator(`.tabs-container .tab.active[aria-label^="${name}"]`).waitFor();
  await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor();
}

async function goTo(line, column) {
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(`:${line}:${column}`);
  await page.keyboard.press('Enter');
  await page
    .locator('[id="status.editor.selection"]', { hasText: `Ln ${line}, Col ${column}` })
    .waitFor();
}

/** Waits until `locator` shows every text of `expected`, or says what it showed. */
async function waitForText(locator, expected, limitMs, what) {
  const deadline = Date.now() + limitMs;
  let text = '';
  while (Date.now() < deadline) {
    text = (await locator.innerText().catch(() => '')) ?? '';
    if (expected.every((part) => text.includes(part))) {
      return;
    }
    await page.waitForTimeout(500);
  }
  const missing = expected.filter((part) => !text.includes(part));
  throw new Error(`${what} shows ${quote(text)}; missing ${missing.map(quote).join(', ')}`);
}

// ---- recording -------------------------------------------------------------

async function check(name, body) {
  try {
    await body();
    record(name, true, '');
  } catch (error) {
    record(name, false, describe(error));
    await page.keyboard.press('Escape').catch(() => {});
  }
}

function record(name, passed, detail) {
  results.checks.push({ name, passed, detail });
  console.log(passed ? `ok    ${name}` : `FAIL  ${name}\n      ${detail}`);
}

async function saveScreenshot() {
  results.statusBar = await page
    .locator('.part.statusbar')
    .innerText()
    .catch(() => '');
  await page.screenshot({ path: options.screenshot }).catch((error) => {
    console.error(`could not save the screenshot: ${describe(error)}`);
  });
}

function finish(code) {
  clearTimeout(watchdog);
  const passed = results.checks.filter((c) => c.passed).length;
  console.log(`vscode-e2e: ${passed} passed, ${results.checks.length - passed} failed`);
  writeFileSync(options.results, JSON.stringify(results, null, 2));
  setTimeout(() => process.exit(code), 5_000).unref();
  Promise.resolve(browser?.close()).finally(() => process.exit(code));
}

function describe(error) {
  return error instanceof Error ? error.message.split('\n')[0] : String(error);
}

function quote(text) {
  const flat = text.replace(/\s+/g, ' ').trim();
  return `"${flat.length > 300 ? `${flat.slice(0, 300)}…` : flat}"`;
}
