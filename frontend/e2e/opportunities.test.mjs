// The opportunity list and stage view on the example data (seed 000), loaded
// through the first-start dialog: built-in and saved views, filters, sorting,
// batch actions, drag and drop between stages, CSV export and the language.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { answerDemo, launchBrowser, messageBox, newPage, pickOption, shot, startServer } from './helpers.mjs'

let srv, browser, page

before(async () => {
  srv = await startServer()
  browser = await launchBrowser()
  page = await newPage(browser)
  await page.goto(srv.url)
})

after(async () => {
  await browser?.close()
  await srv?.stop()
})

const table = () => page.locator('[data-test="opp-table"]')
const rowNames = () => table().locator('[data-test="opp-row-name"]')

async function total() {
  const text = await page.locator('[data-test="list-total"]').innerText()
  return Number(text.match(/\d+/)[0])
}

async function expectTotal(n) {
  await page.waitForFunction((n) => {
    const el = document.querySelector('[data-test="list-total"]')
    return el && Number((el.textContent.match(/\d+/) || [])[0]) === n
  }, n).catch(async (e) => {
    await shot(page, 'failed-total-' + n)
    throw new Error(`list total is not ${n} but ${await total().catch(() => '?')}: ${e.message}`)
  })
  assert.equal(await total(), n)
}

async function gotoList() {
  await page.click('[data-test="nav-opportunities"]')
  await table().waitFor()
}

function column(stage) {
  return page.locator(`[data-test="board-column"][data-stage="${stage}"]`)
}

test('loading the example from the first-start dialog fills the dashboard', async () => {
  await answerDemo(page, 'load')
  await page.locator('[data-test="stat-open-amount"]', { hasText: '¥50,000.00' }).waitFor()
  assert.match(await page.locator('[data-test="stat-customers"]').innerText(), /3/)
  assert.match(await page.locator('[data-test="stat-open"]').innerText(), /2/)
  assert.match(await page.locator('[data-test="stat-won"]').innerText(), /¥40,000\.00/)
  await shot(page, 'dashboard-demo')
})

test('built-in views: 所有 3, 成功销售机会 1, 预期销售机会 2', async () => {
  await gotoList()
  await expectTotal(3)
  await page.click('[data-test="view-won"]')
  await expectTotal(1)
  assert.deepEqual(await table().locator('tbody tr').allInnerTexts().then((r) => r.map((t) => /上海医药\(FGH DT\)/.test(t))), [true])
  await page.click('[data-test="view-open"]')
  await expectTotal(2)
  const names = await table().locator('tbody tr').allInnerTexts()
  assert.ok(names.every((t) => !/谈成结束/.test(t)), 'no won opportunity in the open view')
  await page.click('[data-test="view-all"]')
  await expectTotal(3)
  await shot(page, 'opportunity-list')
})

test('filters: stage, text search and close date; sorting by amount is done by the server', async () => {
  await pickOption(page, page.locator('[data-test="filter-stages"]'), '商务谈判')
  await page.keyboard.press('Escape')
  await expectTotal(1)
  assert.equal(await rowNames().first().innerText(), '购买')
  await page.click('[data-test="filter-clear"]')
  await expectTotal(3)

  await page.fill('[data-test="filter-query"]', '大商')
  await page.press('[data-test="filter-query"]', 'Enter')
  await expectTotal(1)
  assert.match(await table().locator('tbody tr').first().innerText(), /大商股份\(TEST\)/)
  await page.click('[data-test="filter-clear"]')
  await expectTotal(3)

  // Date range: nothing closes in 2009; everything on 2008-01-03.
  const range = page.locator('[data-test="filter-close"]')
  await range.locator('input').first().fill('2009-01-01')
  await range.locator('input').nth(1).fill('2009-12-31')
  await range.locator('input').nth(1).press('Enter')
  await expectTotal(0)
  await page.click('[data-test="filter-clear"]')
  await expectTotal(3)

  // Amount descending: ¥40,000.00, ¥40,000.00, ¥10,000.00.
  const amountHeader = table().locator('th', { hasText: '金额' })
  await amountHeader.locator('.sort-caret.descending').click()
  await page.waitForFunction(() => {
    const rows = [...document.querySelectorAll('[data-test="opp-table"] tbody tr')]
    return rows.length === 3 && rows[2].textContent.includes('¥10,000.00')
  })
  await amountHeader.locator('.sort-caret.ascending').click()
  await page.waitForFunction(() => {
    const rows = [...document.querySelectorAll('[data-test="opp-table"] tbody tr')]
    return rows.length === 3 && rows[0].textContent.includes('¥10,000.00')
  })
})

test('the current filters are saved as a named view, survive a reload, and can be deleted', async () => {
  await pickOption(page, page.locator('[data-test="filter-stages"]'), '初期沟通')
  await page.keyboard.press('Escape')
  await expectTotal(1)
  await page.click('[data-test="save-view"]')
  const box = messageBox(page)
  await box.locator('input').fill('初期阶段')
  await box.getByRole('button', { name: '保存' }).click()
  await page.locator('[data-test="saved-view"]', { hasText: '初期阶段' }).waitFor()
  await page.reload()
  await table().waitFor()
  await expectTotal(3)
  await page.locator('[data-test="saved-view"]', { hasText: '初期阶段' }).click()
  await expectTotal(1)
  assert.match(await table().locator('tbody tr').first().innerText(), /大商股份/)
  // A built-in view's name is refused by the backend, and the refusal is shown.
  await page.click('[data-test="save-view"]')
  await messageBox(page).locator('input').fill('所有')
  await messageBox(page).getByRole('button', { name: '保存' }).click()
  await page.getByText('「所有」是内置视图的名称').waitFor()
  await page.locator('.el-message-box:visible').getByRole('button', { name: '确定' }).click()
  // Delete the saved view.
  await page.locator('[data-test="saved-view"]', { hasText: '初期阶段' }).locator('.el-tag__close').click()
  await messageBox(page).getByRole('button', { name: '删除' }).click()
  await page.locator('[data-test="saved-view"]').waitFor({ state: 'detached' })
  await page.click('[data-test="view-all"]')
  await expectTotal(3)
})

test('batch 修改负责人 gives the selected opportunities to another salesperson', async () => {
  await page.click('[data-test="nav-settings"]')
  await page.fill('[data-test="owner-new-name"]', '李四')
  await page.click('[data-test="owner-add"]')
  await page.locator('[data-test="owners-table"]').getByText('李四').waitFor()
  await gotoList()
  await expectTotal(3)
  const checks = table().locator('tbody tr .el-checkbox')
  await checks.nth(0).click()
  await checks.nth(1).click()
  await page.click('[data-test="batch-owner"]')
  const dlg = page.locator('[data-test="batch-owner-dialog"]')
  await dlg.waitFor({ state: 'visible' })
  await pickOption(page, dlg.locator('[data-test="batch-owner-select"]'), '李四')
  await page.click('[data-test="batch-owner-ok"]')
  await dlg.waitFor({ state: 'hidden' })
  await page.waitForFunction(() =>
    [...document.querySelectorAll('[data-test="opp-table"] tbody tr')].filter((r) => r.textContent.includes('李四')).length === 2)
})

test('CSV export of the current view writes a file with a BOM and the Chinese header', async () => {
  await page.click('[data-test="export"]')
  await page.locator('[data-test="export-csv"]:visible').click()
  const result = page.locator('[data-test="export-result"]')
  await result.waitFor()
  const files = readdirSync(srv.saveDir)
  assert.equal(files.length, 1)
  assert.match(files[0], /^销售机会-\d{8}\.csv$/)
  assert.ok((await result.innerText()).includes(path.join(srv.saveDir, files[0])), 'the saved path is shown')
  const bytes = readFileSync(path.join(srv.saveDir, files[0]))
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM')
  const text = bytes.toString('utf8').slice(1)
  const lines = text.trim().split(/\r\n/)
  assert.match(lines[0], /^销售机会名称,客户名称,类型,客户来源,负责人/)
  assert.equal(lines.length, 4, 'header and three opportunities')
  assert.ok(text.includes('上海医药(FGH DT)'))
  await shot(page, 'export-done')
})

test('stage view: dragging a card to 谈成结束 changes its stage, persisted across reload, with history', async () => {
  await page.click('[data-test="mode-board"]')
  await page.locator('[data-test="board"]').waitFor()
  const card = column('商务谈判').locator('[data-test="board-card"]', { hasText: '喜多多贸易' })
  await card.waitFor()
  assert.match(await column('商务谈判').locator('.col-head').innerText(), /¥10,000\.00/)
  await shot(page, 'board-before')
  await card.dragTo(column('谈成结束').locator('.cards'))
  await column('谈成结束').locator('[data-test="board-card"]', { hasText: '喜多多贸易' }).waitFor()
  assert.equal(await column('商务谈判').locator('[data-test="board-card"]').count(), 0)
  assert.match(await column('谈成结束').locator('[data-test="board-count"]').innerText(), /2/)
  assert.match(await column('谈成结束').locator('[data-test="board-amount"]').innerText(), /¥50,000\.00/)

  await page.reload()
  const moved = column('谈成结束').locator('[data-test="board-card"]', { hasText: '喜多多贸易' })
  await moved.waitFor()
  await shot(page, 'board-after-reload')
  await moved.click()
  const history = page.locator('[data-test="opp-history"]')
  await history.waitFor()
  await history.getByText('「商务谈判」→「谈成结束」').waitFor()
  assert.match(await page.locator('[data-test="opp-detail"]').innerText(), /100%/)
  await shot(page, 'opportunity-history')
  // Its operation log reads as labels and formatted values, not raw fields.
  const oplog = page.locator('[data-test="opp-detail"] [data-test="record-oplog"]')
  await oplog.locator('.el-table__row').first().waitFor()
  const logText = await oplog.innerText()
  assert.match(logText, /金额: ¥[\d,]+\.\d\d/)
  assert.doesNotMatch(logText, /amountCents|customerId/)
  await page.keyboard.press('Escape')
  await page.locator('[data-test="opp-detail"]').waitFor({ state: 'hidden' })
})

test('stage view: dropping on 未成结束 asks for the lost reason; cancel changes nothing', async () => {
  const card = () => column('初期沟通').locator('[data-test="board-card"]', { hasText: '大商股份' })
  await card().dragTo(column('未成结束').locator('.cards'))
  const dlg = page.locator('[data-test="lost-dialog"]')
  await dlg.waitFor({ state: 'visible' })
  await page.click('[data-test="lost-cancel"]')
  await dlg.waitFor({ state: 'hidden' })
  assert.equal(await card().count(), 1, 'cancel leaves the card where it was')

  await card().dragTo(column('未成结束').locator('.cards'))
  await dlg.waitFor({ state: 'visible' })
  await page.click('[data-test="lost-ok"]')
  await dlg.getByText('丢单原因不能为空').waitFor()
  await page.fill('[data-test="lost-reason"]', '价格太高')
  await page.fill('[data-test="lost-competitor"]', '某竞争对手')
  await page.click('[data-test="lost-ok"]')
  await column('未成结束').locator('[data-test="board-card"]', { hasText: '大商股份' }).click()
  const detail = page.locator('[data-test="opp-detail"]')
  await detail.getByText('价格太高', { exact: true }).waitFor()
  assert.match(await detail.innerText(), /某竞争对手/)
  await page.keyboard.press('Escape')
  await detail.waitFor({ state: 'hidden' })
})

test('the stage view applies the same filters as the list', async () => {
  await pickOption(page, page.locator('[data-test="filter-owners"]'), '李四')
  await page.keyboard.press('Escape')
  await page.waitForFunction(() => document.querySelectorAll('[data-test="board-card"]').length === 2)
  await page.click('[data-test="filter-clear"]')
  await page.waitForFunction(() => document.querySelectorAll('[data-test="board-card"]').length === 3)
})

test('the opportunity form fixes the probability of won and lost stages and asks lost opportunities for a reason', async () => {
  await page.click('[data-test="opp-new"]')
  const form = page.locator('[data-test="opp-form"]')
  await form.waitFor({ state: 'visible' })
  await pickOption(page, form.locator('[data-test="opp-stage"]'), '谈成结束')
  assert.equal(await page.inputValue('[data-test="opp-probability"]'), '100')
  assert.ok(await page.locator('[data-test="opp-probability"]').isDisabled())
  await pickOption(page, form.locator('[data-test="opp-stage"]'), '未成结束')
  assert.equal(await page.inputValue('[data-test="opp-probability"]'), '0')
  await page.locator('[data-test="opp-lost-reason"]').waitFor()
  await pickOption(page, form.locator('[data-test="opp-stage"]'), '需求分析')
  assert.equal(await page.inputValue('[data-test="opp-probability"]'), '30')
  assert.ok(!(await page.locator('[data-test="opp-probability"]').isDisabled()))
  await page.click('[data-test="opp-cancel"]')
  await form.waitFor({ state: 'hidden' })
})

test('switching the language to English persists across a reload', async () => {
  await pickOption(page, page.locator('[data-test="lang-switch"]'), 'English')
  await page.locator('[data-test="nav-opportunities"]', { hasText: 'Opportunities' }).waitFor()
  await page.reload()
  await page.locator('[data-test="nav-customers"]', { hasText: 'Customers' }).waitFor()
  assert.match(await page.locator('[data-test="mode-list"]').innerText(), /List/)
  await shot(page, 'english-board')
  // Backend errors come in English too.
  await page.click('[data-test="mode-list"]')
  await table().waitFor()
  await page.click('[data-test="opp-new"]')
  const form = page.locator('[data-test="opp-form"]')
  await form.waitFor({ state: 'visible' })
  await page.fill('[data-test="opp-name"]', 'Fifty seats')
  const customer = form.locator('[data-test="opp-customer"]')
  await customer.click()
  await page.locator('.el-select-dropdown:visible .el-select-dropdown__item', { hasText: '喜多多贸易' }).first().click()
  await page.fill('[data-test="opp-amount"]', '12.345')
  await page.click('[data-test="opp-save"]')
  await form.locator('[data-field="amount"] .el-form-item__error', { hasText: 'more than 2 decimals' }).waitFor()
  await shot(page, 'english-form-error')
  await page.click('[data-test="opp-cancel"]')
  await pickOption(page, page.locator('[data-test="lang-switch"]'), '简体中文')
  await page.locator('[data-test="nav-opportunities"]', { hasText: '销售机会' }).waitFor()
})

test('batch 删除 asks for confirmation and removes the selected rows', async () => {
  await expectTotal(3)
  await table().locator('tbody tr .el-checkbox').first().click()
  await page.click('[data-test="batch-delete"]')
  const box = messageBox(page)
  await box.waitFor()
  assert.match(await box.innerText(), /1 个销售机会/)
  await box.getByRole('button', { name: '删除' }).click()
  await expectTotal(2)
  assert.deepEqual(page.errors, [])
})
