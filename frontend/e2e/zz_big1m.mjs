// one-off: a 1,000,000-row CSV through the import screen (not committed)
import { launchBrowser, newPage, shot, startServer } from './helpers.mjs'
import path from 'node:path'
const file = process.env.BIGFILE
const srv = await startServer({ db: process.env.BIGDB || '' })
const browser = await launchBrowser()
const page = await newPage(browser, { width: 1280, height: 820 })
const t = () => new Date().toISOString().slice(11, 19)
try {
  await page.goto(srv.url + '#/opportunities')
  if (!process.env.BIGDB) { await page.click('[data-test="demo-decline"]'); await page.waitForTimeout(500) }
  await page.click('[data-test="import"]')
  await page.locator('[data-test="import-intro"]').waitFor()
  const t0 = Date.now()
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.click('[data-test="import-pick"]')])
  await chooser.setFiles(file)
  await page.locator('[data-test="import-file-name"]', { hasText: path.basename(file) }).waitFor({ timeout: 300000 })
  console.log(t(), 'preview after', Date.now() - t0, 'ms; rows', await page.locator('[data-test="import-total-rows"]').innerText())
  await page.locator('[data-test="import-ok"]').waitFor({ timeout: 300000 })
  await page.screenshot({ path: '/tmp/big/ui/preview.png' })
  const t1 = Date.now()
  await page.click('[data-test="import-confirm"]')
  await page.locator('[data-test="import-progress"]').waitFor()
  await page.waitForTimeout(20000)
  console.log(t(), 'progress', await page.locator('[data-test="import-progress-text"]').innerText())
  await page.screenshot({ path: '/tmp/big/ui/progress.png' })
  const summary = page.locator('[data-test="import-summary"]')
  await summary.waitFor({ timeout: 900000 })
  console.log(t(), 'import after', Date.now() - t1, 'ms:', await summary.innerText())
  await page.screenshot({ path: '/tmp/big/ui/done.png', fullPage: false })
  await page.click('[data-test="import-view-list"]')
  await page.waitForFunction(() => /共/.test(document.querySelector('[data-test="list-total"]')?.textContent || ''))
  console.log(t(), 'list', await page.locator('[data-test="list-total"]').innerText())
  await page.screenshot({ path: '/tmp/big/ui/list.png' })
  console.log('page errors', JSON.stringify(page.errors))
} finally {
  await browser.close()
  await srv.stop()
}
