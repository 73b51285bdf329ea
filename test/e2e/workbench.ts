// Drives the VS Code workbench (code-server in headless Chromium) the way a person does:
// keyboard shortcuts, the quick pick, toolbar buttons. Selectors are VS Code's own classes
// and aria labels, which its smoke tests rely on as well.
import type { Frame, Page } from 'playwright-core';

export async function waitForWorkbench(page: Page): Promise<void> {
  await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
  // The status bar is among the last parts restored.
  await page.waitForSelector('.statusbar', { timeout: 60_000 });
}

/** Quick Open (Ctrl+P): type a file name and open the first match. */
export async function openFile(page: Page, name: string): Promise<void> {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(name);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor({ timeout: 30_000 });
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}

/** Command palette (Ctrl+Shift+P): run a command by its title. */
export async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('Control+Shift+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${title}`);
  // Click the row labelled exactly `title`: fuzzy matching may rank another command first.
  const row = quickPickRow(page, title);
  await row.waitFor({ timeout: 15_000 });
  await row.click();
}

/** The quick pick row whose label is exactly `label`, with or without a "Category: " prefix. */
function quickPickRow(page: Page, label: string) {
  const exact = new RegExp(`^\\s*([\\w ]+: )?${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
  return page.locator('.quick-input-list .monaco-list-row')
    .filter({ has: page.locator('.label-name', { hasText: exact }) }).first();
}

/** Clicks a notebook toolbar action by the start of its aria label (e.g. "Run All"). */
export async function clickNotebookAction(page: Page, label: string): Promise<void> {
  const action = page.locator(`.notebook-toolbar-container [aria-label^="${label}"]`).first();
  await action.waitFor({ state: 'visible', timeout: 30_000 });
  await action.click();
}

/** If VS Code asks which kernel to use, picks the one whose label contains `name`. */
export async function pickKernelIfAsked(page: Page, name: RegExp): Promise<boolean> {
  const picker = page.locator('.quick-input-widget');
  try {
    await picker.waitFor({ state: 'visible', timeout: 3_000 });
  } catch {
    return false;
  }
  await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().click();
  return true;
}

/** Frames (nested output webviews included) holding an element that matches `selector`. */
export async function framesWith(page: Page, selector: string): Promise<Frame[]> {
  const found: Frame[] = [];
  for (const frame of page.frames()) {
    try {
      if (await frame.locator(selector).count() > 0) found.push(frame);
    } catch {
      // a frame navigating away or detached mid-query
    }
  }
  return found;
}

/** Preferences: Color Theme, as a person picks one (e.g. "Dark Modern"); waits for the workbench to switch. */
export async function setColorTheme(page: Page, label: string, workbenchClass: string): Promise<void> {
  await page.keyboard.press('Escape');
  await runCommand(page, 'Preferences: Color Theme');
  // The palette closes and the theme picker opens in the same widget: wait for its list.
  await page.locator('.quick-input-list .monaco-list-row', { hasText: /Light Modern|Dark Modern/ }).first().waitFor({ timeout: 15_000 });
  const input = page.locator('.quick-input-widget input');
  await input.fill(label);
  const row = quickPickRow(page, label);
  await row.waitFor({ timeout: 15_000 });
  await row.click();
  await page.locator(`.monaco-workbench.${workbenchClass}`).waitFor({ timeout: 30_000 });
}

/** Polls until `probe` yields something, or fails naming `what`. */
export async function until<T>(what: string, probe: () => Promise<T | undefined>, ms = 60_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** The first frame whose text contains `text` (outputs live in nested webview iframes). */
export async function frameWithText(page: Page, text: string): Promise<Frame | undefined> {
  for (const frame of page.frames()) {
    try {
      const body = await frame.evaluate(() => document.body?.innerText ?? '');
      if (body.includes(text)) return frame;
    } catch { /* detached */ }
  }
  return undefined;
}
