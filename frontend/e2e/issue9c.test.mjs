// Issue 9, part c, through the UI against the real Go services: a receipt
// dated before its order's signing date is asked about, naming both dates;
// "go back" writes nothing and leaves the dialog open, "save anyway" saves.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { launchBrowser, newPage, shot, startServer } from './helpers.mjs'

let srv, browser, page
let order

before(async () => {
  srv = await startServer({ demo: true })
  const ownerId = (await srv.call('owner.Service.List', true))[0].id
  const cust = await srv.call('customer.Service.Create', { name: '早到回款测试客户', ownerId })
  const product = await srv.call('product.Service.Create', { code: 'P-9C', name: '测试打印机', unit: '台', price: '1000', ownerId })
  order = (await srv.call('order.Service.Create', {
    customerId: cust.id, ownerId, signedDate: '2026-02-01', lines: [{ productId: product.id, quantity: '3' }], plan: [],
  })).order
  browser = await launchBrowser()
  page = await newPage(browser)
  await page.goto(srv.url)
})

after(async () => {
  await browser?.close()
  await srv?.stop()
})

const inp = (name) => `input[data-test="${name}"], [data-test="${name}"] input`

async function receipts() {
  return (await srv.call('order.Service.Get', order.id)).receipts
}

test('a receipt dated before the signing date asks; going back writes nothing, saving anyway saves', async () => {
  await page.click('[data-test="nav-orders"]')
  await page.locator('[data-test="order-row-number"]', { hasText: order.number }).click()
  const od = page.locator('[data-test="order-detail"]:visible')
  await od.locator('[data-test="order-receipt"]').click()
  const rd = page.locator('[data-test="receipt-dialog"]')
  await rd.waitFor({ state: 'visible' })
  const date = rd.locator(inp('receipt-date')).first()
  await date.fill('2026-01-05')
  await date.press('Tab')
  await page.fill('[data-test="receipt-amount"]', '1,000')
  await page.click('[data-test="receipt-save"]')

  const text = `回款日期 2026-01-05 早于订单 ${order.number} 的签约日期 2026-02-01，确定要保存吗？`
  const box = page.locator('.el-message-box', { hasText: text })
  await box.waitFor({ state: 'visible' })
  await shot(page, 'issue9c-receipt-earlier')
  await box.locator('button', { hasText: '返回修改' }).click()
  await box.waitFor({ state: 'hidden' })
  assert.ok(await rd.isVisible(), 'the receipt dialog stays open to fix the date')
  assert.deepEqual(await receipts(), [], 'going back wrote nothing')

  await page.click('[data-test="receipt-save"]')
  await box.waitFor({ state: 'visible' })
  await box.locator('button', { hasText: '仍要保存' }).click()
  await rd.waitFor({ state: 'hidden' })
  const saved = await receipts()
  assert.equal(saved.length, 1)
  assert.equal(saved[0].date, '2026-01-05')
  assert.equal(saved[0].amountCents, 100000)
  await od.locator('[data-test="fig-received"]', { hasText: '¥1,000.00' }).waitFor()
})
