// Shared set-up of the end-to-end tests: a fresh database and save folder per
// test file, the real headless server (the same Go services as the desktop
// app) on a free loopback port, reached with its per-run token, and headless
// Chromium driven by playwright-core.
import { spawn, execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'

const here = path.dirname(fileURLToPath(import.meta.url))
export const repoRoot = path.resolve(here, '..', '..')
export const shotDir = process.env.FUNNELDESK_SHOTS || '/tmp/e2e-shots'

/** binPath is the headless server binary: $FUNNELDESK_BIN, relative to the repo root when not absolute. */
export function binPath() {
  const p = process.env.FUNNELDESK_BIN || 'build/bin/funneldesk-headless'
  return path.isAbsolute(p) ? p : path.resolve(repoRoot, p)
}

/**
 * firstLine waits for the server's first line of output, which names the URL
 * with its per-run token: "serving FunnelDesk on http://127.0.0.1:PORT/?token=TOKEN (database FILE)".
 */
function firstLine(proc, output, timeoutMs = 20000) {
  return new Promise((resolve, reject) => {
    const done = (f, v) => { clearTimeout(timer); proc.stdout.off('data', check); proc.off('exit', exited); f(v) }
    const timer = setTimeout(() => done(reject, new Error('the server printed no URL within ' + timeoutMs + ' ms')), timeoutMs)
    const exited = (code) => done(reject, new Error(`server exited early with code ${code}`))
    const check = () => {
      const nl = output().indexOf('\n')
      if (nl < 0) return
      const line = output().slice(0, nl)
      const m = /^serving FunnelDesk on (http:\/\/127\.0\.0\.1:\d+\/)\?token=(\w+) \(database (.*)\)$/.exec(line)
      if (m) done(resolve, { base: m[1], token: m[2] })
      else done(reject, new Error(`unexpected first line: ${line}`))
    }
    proc.stdout.on('data', check)
    proc.once('exit', exited)
    check()
  })
}

/**
 * startServer starts BIN --db TMP serve on a free port. With demo: true the
 * example data is loaded first through the CLI; clock fixes the server's
 * clock (serve --clock). url opens the app (it carries
 * the run's token: append '#/route' to it); call(name, ...args) calls a bound
 * method as the page does (POST /wails/call with the token header). stop()
 * kills the server and removes the temporary files.
 */
export async function startServer({ demo = false, clock = '' } = {}) {
  const bin = binPath()
  if (!existsSync(bin)) {
    throw new Error(`FunnelDesk binary not found at ${bin}: run "npm run build" in frontend/ and then ` +
      `"go build -o build/bin/funneldesk-headless ." in the repo root, or set FUNNELDESK_BIN`)
  }
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'fd-e2e-'))
  const db = path.join(tmp, 'test.db')
  const saveDir = path.join(tmp, 'saves')
  mkdirSync(saveDir)
  if (demo) execFileSync(bin, ['--db', db, 'demo'], { stdio: 'pipe' })
  // Port 0: the server takes a free port and names it in its first line.
  // clock fixes the services' "now" (serve --clock): "2026-03-10" or an RFC 3339 time.
  const args = ['--db', db, 'serve', '--addr', '127.0.0.1:0', '--save-dir', saveDir, ...(clock ? ['--clock', clock] : [])]
  const proc = spawn(bin, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let output = ''
  proc.stdout.on('data', (d) => { stdout += d; output += d })
  proc.stderr.on('data', (d) => { output += d })
  let base, token
  try {
    ({ base, token } = await firstLine(proc, () => stdout))
  } catch (e) {
    proc.kill('SIGKILL')
    throw new Error(`${e.message}\n${output}`)
  }
  const url = `${base}?token=${token}`
  return {
    url, base, token, db, saveDir, bin,
    output: () => output,
    async call(name, ...args) {
      const r = await fetch(base + 'wails/call', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-FunnelDesk-Token': token },
        body: JSON.stringify({ name, args }),
      })
      if (!r.ok) throw new Error(`${name}: HTTP ${r.status} ${await r.text()}`)
      const d = await r.json()
      if (d.error !== undefined) throw new Error(`${name}: ${JSON.stringify(d.error)}`)
      return d.result
    },
    async stop() {
      if (proc.exitCode === null) {
        const exited = new Promise((r) => proc.once('exit', r))
        proc.kill('SIGTERM')
        await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))])
        if (proc.exitCode === null) proc.kill('SIGKILL')
      }
      rmSync(tmp, { recursive: true, force: true })
    },
  }
}

/** launchBrowser starts Debian's Chromium headless with a throw-away profile. */
export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run'],
  })
}

/** newPage opens a 1280×860 page that fails the test on uncaught page errors. */
export async function newPage(browser) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'zh-CN' })
  const page = await context.newPage()
  page.errors = []
  page.dialogs = []
  page.on('pageerror', (e) => page.errors.push(e))
  // A native alert() would mean injected markup ran: record it and dismiss.
  page.on('dialog', (d) => { page.dialogs.push(d.message()); void d.dismiss() })
  page.setDefaultTimeout(10000)
  return page
}

/** shot saves a screenshot to /tmp/e2e-shots (or $FUNNELDESK_SHOTS). */
export async function shot(page, name) {
  mkdirSync(shotDir, { recursive: true })
  await page.waitForTimeout(400) // let dialog and drawer transitions finish
  await page.screenshot({ path: path.join(shotDir, name + '.png'), fullPage: false })
}

/** answerDemo deals with the first-start dialog: 'load' or 'decline'. */
export async function answerDemo(page, choice) {
  const dialog = page.locator('[data-test="demo-dialog"]')
  await dialog.waitFor({ state: 'visible' })
  await page.click(`[data-test="demo-${choice}"]`)
  await dialog.waitFor({ state: 'hidden' })
}

/** fieldError returns the error text shown under the form item of field in scope. */
export function fieldError(scope, field) {
  return scope.locator(`[data-field="${field}"] .el-form-item__error`)
}

/** pickOption opens an el-select and clicks the visible option with that text. */
export async function pickOption(page, selectLocator, text) {
  await selectLocator.click()
  const option = page.locator('.el-select-dropdown:visible .el-select-dropdown__item', { hasText: text }).first()
  await option.waitFor({ state: 'visible' })
  await option.click()
}

/** messageBox returns the visible Element Plus message box. */
export function messageBox(page) {
  return page.locator('.el-message-box:visible')
}
