// The recycle bin and the operation log through the UI: a customer deleted
// with its opportunity leaves the funnel, comes back from 回收站 with it,
// and 操作日志 shows the delete and the restore.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { launchBrowser, messageBox, newPage, shot, startServer } from './helpers.mjs'

let srv, browser, page

before(async () => {
  srv = await startServer()
  const owner = await srv.call('owner.Service.Create', { name: '张三', active: true })
  const c = await srv.call('customer.Service.Create', { name: '回收测试公司', ownerId: owner.id })
  const stages = await srv.call('stage.Service.List')
  const first = stages.find((s) => s.name === '初期沟通')
  await srv.call('opportunity.Service.Create', { name: '回收测试项目', customerId: c.id, ownerId: owner.id, amount: '12345', stageId: first.id })
  browser = await launchBrowser()
  page = await newPage(browser)
  await page.goto(srv.url)
})

after(async () => {
  await browser?.close()
  await srv?.stop()
})

const total = () => page.locator('[data-test="funnel-total"]')

async function funnelCount() {
  await page.click('[data-test="nav-funnel"]')
  await total().waitFor()
  return (await total().locator('td').nth(1).innerText()).trim()
}

// waitCount waits for the funnel's total count; a funnel with no
// opportunity at all shows its empty state instead of a table of zeros.
async function waitCount(want) {
  await page.click('[data-test="nav-funnel"]')
  await page.waitForFunction((w) => {
    if (w === '0' && document.querySelector('[data-test="funnel-empty"]')) return true
    const tr = document.querySelector('[data-test="funnel-total"]')
    return tr && tr.querySelectorAll('td')[1]?.textContent.trim() === w
  }, want)
}

test('deleting a customer takes its opportunity out of the funnel; restoring brings both back', async () => {
  assert.equal(await funnelCount(), '1')

  await page.click('[data-test="nav-customers"]')
  await page.locator('[data-test="customer-row-name"]', { hasText: '回收测试公司' }).waitFor()
  await page.click('[data-test="customer-row-delete"]')
  await messageBox(page).locator('.el-button--primary, .el-button--danger').last().click()
  await page.locator('[data-test="customer-row-name"]', { hasText: '回收测试公司' }).waitFor({ state: 'detached' })
  // No opportunity left: the funnel shows its empty state instead of zeros.
  await page.click('[data-test="nav-funnel"]')
  await page.locator('[data-test="funnel-empty"]').waitFor()

  await page.click('[data-test="nav-recycle"]')
  const row = page.locator('[data-test="recycle-table"] .el-table__row', { hasText: '回收测试公司' })
  await row.waitFor()
  const text = await row.innerText()
  assert.match(text, /客户/)
  assert.match(text, /销售机会 1/)
  assert.match(text, /阶段记录 1/)
  await shot(page, 'recycle-bin')
  await row.locator('[data-test="recycle-restore"]').click()
  await page.getByText('已恢复 1 项').waitFor()
  await row.waitFor({ state: 'detached' })

  await waitCount('1')
  await page.click('[data-test="nav-customers"]')
  await page.locator('[data-test="customer-row-name"]', { hasText: '回收测试公司' }).waitFor()
})

test('the operation log shows the delete and the restore, on its screen and on the customer', async () => {
  await page.click('[data-test="nav-oplog"]')
  const table = page.locator('[data-test="oplog-table"]')
  await table.locator('.el-table__row', { hasText: '从回收站恢复' }).first().waitFor()
  const rows = table.locator('.el-table__row', { hasText: '回收测试公司' })
  const actions = await rows.locator('[data-test="oplog-action"]').allInnerTexts()
  assert.deepEqual(actions.slice(0, 3), ['从回收站恢复', '删除', '新建'])
  await shot(page, 'oplog')

  // The customer's own tab tells the same story.
  await page.click('[data-test="nav-customers"]')
  await page.locator('[data-test="customer-row-name"]', { hasText: '回收测试公司' }).click()
  await page.click('[data-test="customer-detail"] #tab-oplog')
  const tab = page.locator('[data-test="record-oplog"]')
  await tab.locator('.el-table__row', { hasText: '删除' }).waitFor()
  assert.equal(await tab.locator('.el-table__row', { hasText: '从回收站恢复' }).count(), 1)
})
