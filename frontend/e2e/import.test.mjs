// 导入销售机会 through the UI against the real importer: GBK files as Excel on
// Chinese Windows saves them (fixtures/*.csv), the preview with the detected
// encoding and the column mapping, bad rows refused with nothing written, the
// mapping adjusted and checked again, the import with its progress, and the
// new opportunities in the list and the funnel (compared with the CLI).
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { launchBrowser, newPage, pickOption, shot, startServer } from './helpers.mjs'

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures')
const goodFile = path.join(fixtures, 'opportunities-gbk.csv')
const badFile = path.join(fixtures, 'opportunities-gbk-bad.csv')

let srv, browser, page, tmp

before(async () => {
  srv = await startServer({ demo: true })
  tmp = mkdtempSync(path.join(os.tmpdir(), 'fd-import-'))
  browser = await launchBrowser()
  page = await newPage(browser)
  await page.goto(srv.url + '#/opportunities')
  await page.locator('[data-test="opp-table"]').waitFor()
})

after(async () => {
  await browser?.close()
  await srv?.stop()
  if (tmp) rmSync(tmp, { recursive: true, force: true })
})

/** cliFunnel reads the funnel of the server's database through the command line. */
function cliFunnel() {
  return JSON.parse(execFileSync(srv.bin, ['--db', srv.db, 'funnel', '--json'], { encoding: 'utf8' }))
}

const confirm = () => page.locator('[data-test="import-confirm"]')
const mapSelect = (i) => page.locator(`[data-test="map-select-${i}"]`)

/** mapColumn chooses the field of column i, once the previous dropdown has closed. */
async function mapColumn(i, text) {
  await page.waitForFunction(() => ![...document.querySelectorAll('.el-select-dropdown')].some((d) => d.offsetParent !== null))
  await pickOption(page, mapSelect(i), text)
}

/** choose picks a file through the 选择文件 button (the browser's file chooser). */
async function choose(file) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.click('[data-test="import-pick"]')])
  await chooser.setFiles(file)
  await page.locator('[data-test="import-file-name"]', { hasText: path.basename(file) }).waitFor()
}

async function errorRows() {
  return page.locator('[data-test="import-errors"] .el-table__body tbody tr').evaluateAll((trs) =>
    trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent.trim())))
}

test('导入 opens the import screen from the opportunity list', async () => {
  await page.click('[data-test="import"]')
  await page.locator('[data-test="import-intro"]').waitFor()
  assert.match(await page.locator('.header-title').innerText(), /导入销售机会/)
  assert.equal(await confirm().count(), 0, 'no confirm button before a file is chosen')
})

test('a GBK file with bad rows: every problem with its row number, confirm disabled, nothing written', async () => {
  await choose(badFile)
  assert.match(await page.locator('[data-test="import-encoding"]').innerText(), /^(GB18030|GBK)$/)
  assert.equal(await page.locator('[data-test="import-format"]').innerText(), 'CSV')
  assert.equal(await page.locator('[data-test="import-total-rows"]').innerText(), '4')
  await page.locator('[data-test="import-errors-title"]', { hasText: '4 个问题' }).waitFor()
  const rows = await errorRows()
  assert.deepEqual(rows.map((r) => r.slice(0, 3)), [
    ['3', '金额', '-50'],
    ['4', '预计完成日期', '2008-13-45'],
    ['5', '销售机会名称', ''],
    ['5', '可能性(%)', '150%'],
  ])
  assert.match(rows[0][3], /金额不能为负数/)
  assert.match(rows[1][3], /日期无效/)
  assert.match(rows[2][3], /不能为空/)
  assert.match(rows[3][3], /0 到 100/)
  // A stage we do not have is no error: the preview says it will be created.
  const created = page.locator('[data-test="import-stages"] tr', { hasText: '不存在的阶段' })
  assert.match(await created.innerText(), /将新建/)
  assert.match(await page.locator('[data-test="import-stages"] tr', { hasText: '初期沟通' }).innerText(), /名称相同/)
  assert.equal(await confirm().isDisabled(), true, 'confirm is disabled while there are errors')
  await shot(page, 'import-preview-errors')

  // Forcing the click does nothing either, and the database holds the example only.
  await confirm().click({ force: true }).catch(() => undefined)
  await page.waitForTimeout(300)
  assert.equal(await page.locator('[data-test="import-running"]').count(), 0)
  assert.equal(cliFunnel().total.count, 3)
  assert.equal(cliFunnel().stages.some((s) => s.name === '不存在的阶段'), false, 'no stage created by previewing')
})

test('English: the preview and the row errors in English', async () => {
  await pickOption(page, page.locator('[data-test="lang-switch"]'), 'English')
  await page.locator('[data-test="import-errors-title"]', { hasText: '4 problem(s) found' }).waitFor()
  const rows = await errorRows()
  assert.match(rows[0][3], /negative/i)
  assert.match(await page.locator('[data-test="import-stages"] tr', { hasText: '不存在的阶段' }).innerText(), /Will be created/)
  assert.match(await page.locator('[data-test="import-mapping"]').innerText(), /Column in the file/)
  await shot(page, 'import-preview-errors-en')
  await pickOption(page, page.locator('[data-test="lang-switch"]'), '简体中文')
  await page.locator('[data-test="import-errors-title"]', { hasText: '4 个问题' }).waitFor()
})

test('a good GBK file: encoding and mapping shown, the mapping adjusted and checked again', async () => {
  await choose(goodFile)
  assert.match(await page.locator('[data-test="import-encoding"]').innerText(), /^(GB18030|GBK)$/)
  await page.locator('[data-test="import-ok"]').waitFor()
  // Each column of the file is mapped to its field; the required ones are marked.
  const headers = ['销售机会名称', '客户名称', '客户来源', '负责人', '金额', '预计完成日期', '销售阶段', '可能性(%)']
  for (let i = 0; i < headers.length; i++) {
    assert.equal(await mapSelect(i).getAttribute('data-header'), headers[i])
  }
  assert.match(await mapSelect(0).innerText(), /\* 销售机会名称/)
  assert.match(await mapSelect(1).innerText(), /\* 客户名称/)
  assert.match(await mapSelect(6).innerText(), /\* 销售阶段/)
  assert.match(await mapSelect(4).innerText(), /金额/)
  assert.equal(await page.locator('[data-test="import-required"] .el-tag--success').count(), 3)
  // The sample shows the quoted name with its quotes and comma, decoded from GBK.
  assert.match(await page.locator('[data-test="import-sample"]').innerText(), /采购"旗舰版",含培训/)
  assert.match(await page.locator('[data-test="import-sample"]').innerText(), /华东机电有限公司/)
  assert.equal(await confirm().isDisabled(), false)
  await shot(page, 'import-preview')

  // Ignoring a required column: the problem shows, confirm is disabled; mapping it back clears it.
  await mapColumn(0, '（忽略此列）')
  await page.locator('[data-test="import-errors"]', { hasText: '缺少必填列「销售机会名称」' }).waitFor()
  assert.equal(await confirm().isDisabled(), true)
  assert.equal(await page.locator('[data-test="import-required"] .el-tag--danger').count(), 1)
  await mapColumn(0, '销售机会名称')
  await page.locator('[data-test="import-ok"]').waitFor()
  assert.equal(await confirm().isDisabled(), false)

  // Two columns onto one field is refused.
  await mapColumn(2, '客户名称')
  await page.locator('[data-test="import-mapping-error"]', { hasText: '只能对应一列' }).waitFor()
  assert.equal(await confirm().isDisabled(), true)
  await mapColumn(2, '客户来源')
  await page.locator('[data-test="import-ok"]').waitFor()
  assert.equal(await confirm().isDisabled(), false)
  assert.equal(cliFunnel().total.count, 3, 'nothing written by previewing')
})

test('importing: the progress completes, the summary, and the list and funnel show the new opportunities', async () => {
  await confirm().click()
  const summary = page.locator('[data-test="import-summary"]')
  await summary.waitFor({ timeout: 20000 })
  assert.equal(await summary.innerText(), '已导入 3 个销售机会，新建客户 1 个，新建负责人 1 个。')
  await shot(page, 'import-done')

  await page.click('[data-test="import-view-list"]')
  await page.waitForFunction(() => /共 6 条/.test(document.querySelector('[data-test="list-total"]')?.textContent || ''))
  assert.match(await page.locator('[data-test="opp-table"]').innerText(), /采购"旗舰版",含培训/)
  assert.match(await page.locator('[data-test="opp-table"]').innerText(), /华东机电有限公司[\s\S]*需求分析[\s\S]*¥120,000\.00/)

  await page.click('[data-test="nav-funnel"]')
  const total = page.locator('[data-test="funnel-total"]')
  await total.locator('td', { hasText: '245,000.00' }).waitFor()
  const figures = async (sel) => (await page.locator(sel).locator('td').allInnerTexts()).map((s) => s.trim())
  assert.deepEqual(await figures('[data-test="funnel-row"][data-stage="初期沟通"]'), ['初期沟通', '2', '33.33%', '45,000.00', '18.37%', '4,750.00', '4.07%'])
  assert.deepEqual(await figures('[data-test="funnel-row"][data-stage="需求分析"]'), ['需求分析', '1', '16.67%', '120,000.00', '48.98%', '36,000.00', '30.84%'])
  assert.deepEqual(await figures('[data-test="funnel-row"][data-stage="谈成结束"]'), ['谈成结束', '2', '33.33%', '70,000.00', '28.57%', '70,000.00', '59.96%'])
  assert.deepEqual(await figures('[data-test="funnel-total"]'), ['总计', '6', '100%', '245,000.00', '100%', '116,750.00', '100%'])

  // Every row agrees with the command line's figures for the same database.
  const cli = cliFunnel()
  const money = (c) => `${Math.floor(c / 100).toLocaleString('en-US')}.${String(c % 100).padStart(2, '0')}`
  const pct = (p) => `${p.toFixed(2)}%`
  for (const s of cli.stages) {
    assert.deepEqual(await figures(`[data-test="funnel-row"][data-stage="${s.name}"]`),
      [s.name, String(s.count), pct(s.countPct), money(s.amountCents), pct(s.amountPct), money(s.expectedCents), pct(s.expectedPct)])
  }
  // The new owner is a choice of the funnel's owner filter at once.
  await pickOption(page, page.locator('[data-test="funnel-owner"]'), '王五')
  await total.locator('td', { hasText: '150,000.00' }).waitFor()
  assert.deepEqual(await figures('[data-test="funnel-total"]'), ['总计', '2', '100%', '150,000.00', '100%', '66,000.00', '100%'])
  await pickOption(page, page.locator('[data-test="funnel-owner"]'), '全部负责人')
  await total.locator('td', { hasText: '245,000.00' }).waitFor()
})

test('the same file again: every row unchanged, told apart from updated ones, nothing written', async () => {
  await page.click('[data-test="nav-opportunities"]')
  await page.click('[data-test="import"]')
  await page.locator('[data-test="import-intro"]').waitFor()
  await choose(goodFile)
  await page.locator('[data-test="import-ok"]').waitFor()
  await confirm().click()
  const summary = page.locator('[data-test="import-summary"]')
  await summary.waitFor({ timeout: 20000 })
  assert.equal(await summary.innerText(), '已导入 0 个销售机会，新建客户 0 个，新建负责人 0 个。')
  assert.equal(await page.locator('[data-test="import-summary-counts"]').innerText(), '新增 0，更新 0，跳过 0，合并 0')
  assert.equal(await page.locator('[data-test="import-summary-unchanged"]').innerText(), '另有 3 行与已有记录完全相同，未作改动')
  assert.equal(cliFunnel().total.count, 6)
  await pickOption(page, page.locator('[data-test="lang-switch"]'), 'English')
  await page.locator('[data-test="import-summary-unchanged"]', { hasText: '3 more rows match their records exactly' }).waitFor()
  await shot(page, 'import-unchanged-en')
  await pickOption(page, page.locator('[data-test="lang-switch"]'), '简体中文')
  await page.locator('[data-test="import-summary-unchanged"]', { hasText: '另有 3 行' }).waitFor()
})

test('a large file: the progress bar shows while the window stays responsive', async () => {
  const n = 60000
  const lines = ['name,customer,owner,amount,expected_close_date,stage']
  for (let i = 1; i <= n; i++) {
    lines.push(`批量机会${i},批量客户${i % 500},admin,${(i % 97) * 100 + 0.5},2009-0${1 + (i % 9)}-1${i % 10},${i % 2 ? '初期沟通' : '商务谈判'}`)
  }
  const big = path.join(tmp, 'big.csv')
  writeFileSync(big, lines.join('\n') + '\n')

  await page.click('[data-test="nav-opportunities"]')
  await page.click('[data-test="import"]')
  await page.locator('[data-test="import-intro"]').waitFor()
  await choose(big)
  assert.equal(await page.locator('[data-test="import-total-rows"]').innerText(), '60,000', 'grouped as the lists show counts')
  assert.match(await page.locator('[data-test="import-encoding"]').innerText(), /UTF-8/)
  await page.locator('[data-test="import-ok"]').waitFor()

  // Record every progress text the screen shows.
  await page.evaluate(() => {
    window.__progress = []
    new MutationObserver(() => {
      const el = document.querySelector('[data-test="import-progress-text"]')
      if (el && window.__progress.at(-1) !== el.textContent) window.__progress.push(el.textContent)
    }).observe(document.body, { subtree: true, childList: true, characterData: true })
  })
  await confirm().click()
  await page.locator('[data-test="import-running"]').waitFor()
  await page.locator('[data-test="import-progress"]').waitFor()
  // The window answers while the import runs.
  const t0 = Date.now()
  await page.evaluate(() => document.title)
  assert.ok(Date.now() - t0 < 1000, 'the page answers during the import')
  await shot(page, 'import-progress')
  const summary = page.locator('[data-test="import-summary"]')
  await summary.waitFor({ timeout: 60000 })
  assert.match(await summary.innerText(), /已导入 60,000 个销售机会/)
  const seen = await page.evaluate(() => window.__progress)
  assert.ok(seen.length >= 1 && seen.every((s) => /正在导入：\d{1,2}(,\d{3})? \/ 60,000 行/.test(s)), `progress texts: ${JSON.stringify(seen)}`)
  assert.equal(cliFunnel().total.count, 6 + n)
  assert.deepEqual(page.errors, [])
})

test('导入记录: the unchanged rows counted; undoing the large import: a note and its progress while it runs, then every row gone', async () => {
  await page.goto(srv.url + '#/imports')
  const row = page.locator('[data-test="imports-table"] .el-table__body tr', { hasText: 'big.csv' })
  await row.waitFor()
  assert.match(await row.locator('[data-test="imports-counts"]').innerText(), /新增 60,000，更新 0/)
  // The GBK file imported again: its three rows are counted as unchanged in the history too.
  const again = page.locator('[data-test="imports-table"] .el-table__body tr', { hasText: 'opportunities-gbk.csv' }).first()
  assert.equal(await again.locator('[data-test="imports-counts"]').innerText(), '新增 0，更新 0，跳过 0，合并 0，未变 3')
  await row.locator('[data-test="imports-undo"]').click()
  const box = page.locator('.el-message-box')
  await box.waitFor()
  // It names what else the import created and the undo deletes: the 500 new customers.
  assert.match(await box.innerText(), /删除它新增的 60,000 个销售机会和 500 个客户。之后被其他记录用到的客户、阶段、负责人和产品分类会保留。/)
  await box.locator('.el-button--primary').click()
  // 60,000 records: past the size from which the screen says an undo may take minutes.
  const note = page.locator('.imports-undoing')
  await note.waitFor()
  assert.match(await note.innerText(), /正在撤销 60,500 条记录的导入/)
  // The row shows the share of the import's records the undo has dealt
  // with, and the time left at its pace (two readings of the backend's count).
  await row.locator('[data-test="imports-undo-count"]', { hasText: /预计还需约 \d+ (秒|分钟)/ }).waitFor({ timeout: 60000 })
  const pct = Number((await row.locator('.el-progress__text').innerText()).replace('%', ''))
  assert.ok(pct >= 0 && pct < 100, `progress ${pct}%`)
  await shot(page, 'import-undoing')
  // Away and back while it runs: the screen finds the undo under way and follows it again.
  await page.goto(srv.url + '#/funnel')
  await page.locator('[data-test="funnel-filters"]').waitFor()
  await page.goto(srv.url + '#/imports')
  await row.locator('[data-test="imports-undo-count"]', { hasText: /预计还需约|正在撤销/ }).waitFor({ timeout: 30000 })
  assert.equal(await row.locator('[data-test="imports-undo"]').count(), 0, 'no second undo button while it runs')
  assert.ok(await again.locator('[data-test="imports-undo"]').isDisabled(), 'no other undo beside it')
  await page.locator('.el-message--success', { hasText: '已撤销这次导入' }).waitFor({ timeout: 120000 })
  await note.waitFor({ state: 'detached' })
  await row.locator('[data-test="imports-undone"]').waitFor()
  assert.equal(cliFunnel().total.count, 6, 'the 60,000 rows are gone, the earlier ones stay')
  assert.deepEqual(page.errors, [])
})
