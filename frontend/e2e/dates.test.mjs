// Dates are what the user typed: an impossible date such as 2025-02-30 must
// never be rewritten into another day (Element Plus' picker made it
// 2025-03-02 and the backend saved that). The field keeps the text, says at
// once that it is not a date, and the backend refuses it on save; a real date
// typed by hand is saved as typed.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { fieldError, launchBrowser, newPage, shot, startServer } from './helpers.mjs'

let srv, browser, page

before(async () => {
  srv = await startServer({ demo: true })
  browser = await launchBrowser()
  page = await newPage(browser)
  await page.goto(srv.url)
})

after(async () => {
  await browser?.close()
  await srv?.stop()
})

const form = () => page.locator('[data-test="opp-form"]')
const closeInput = () => form().locator('input[data-test="opp-close"], [data-test="opp-close"] input').first()

async function openNewOpportunity(name) {
  await page.click('[data-test="nav-opportunities"]')
  await page.locator('[data-test="opp-table"]').waitFor()
  await page.click('[data-test="opp-new"]')
  await form().waitFor({ state: 'visible' })
  await page.fill('[data-test="opp-name"]', name)
  await form().locator('[data-test="opp-customer"]').click()
  await page.locator('.el-select-dropdown:visible .el-select-dropdown__item', { hasText: '喜多多贸易' }).first().click()
  await page.fill('[data-test="opp-amount"]', '100')
}

async function listNames() {
  return page.locator('[data-test="opp-table"] [data-test="opp-row-name"]').allInnerTexts()
}

for (const typed of ['2025-02-30', '2026-13-45']) {
  test(`an impossible expected close date ${typed} is kept as typed, named and refused`, async () => {
    const name = `日期测试 ${typed}`
    await openNewOpportunity(name)
    await closeInput().fill(typed)
    await closeInput().press('Tab')
    assert.equal(await closeInput().inputValue(), typed, 'the field must keep what was typed')
    await form().locator('[data-test="opp-close-error"]', { hasText: `「${typed}」不是有效日期` }).waitFor()
    await page.click('[data-test="opp-save"]')
    await fieldError(form(), 'expectedClose').filter({ hasText: `预计完成日期「${typed}」不是有效日期` }).waitFor()
    assert.equal(await closeInput().inputValue(), typed, 'saving must not rewrite the date either')
    await shot(page, 'date-refused-' + typed)
    await page.click('[data-test="opp-cancel"]')
    await form().waitFor({ state: 'hidden' })
    assert.ok(!(await listNames()).includes(name), 'nothing was saved')
  })
}

test('a real date typed by hand is saved exactly as typed', async () => {
  const name = '日期测试 月末'
  await openNewOpportunity(name)
  await closeInput().fill('2025/2/28')
  await closeInput().press('Tab')
  assert.equal(await form().locator('[data-test="opp-close-error"]').count(), 0)
  await page.click('[data-test="opp-save"]')
  await form().waitFor({ state: 'hidden' })
  const row = page.locator('[data-test="opp-table"] tbody tr', { hasText: name })
  await row.waitFor()
  assert.match(await row.innerText(), /2025-02-28/)
})

test('the calendar fills the text in', async () => {
  await page.click('[data-test="opp-new"]')
  await form().waitFor({ state: 'visible' })
  await closeInput().fill('2024-02-10')
  await form().locator('[data-test="opp-close-calendar"]').click()
  const cell = page.locator('.el-popover:visible .el-date-table td.available', { hasText: /^29$/ }).first()
  await cell.click()
  assert.equal(await closeInput().inputValue(), '2024-02-29')
  await page.click('[data-test="opp-cancel"]')
  assert.deepEqual(page.errors, [])
})
