// Customers and opportunities entered through the UI on a fresh database:
// first-start dialog, salesperson roster, customer form with the duplicate-name
// warning, user text shown as text, backend validation errors next to the field.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import {
  answerDemo, fieldError, launchBrowser, messageBox, newPage, pickOption, shot, startServer,
} from './helpers.mjs'

const XSS = '<img src=x onerror=alert(1)>商贸'
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

async function gotoCustomers() {
  await page.click('[data-test="nav-customers"]')
  await page.locator('[data-test="customer-table"]').waitFor()
}

async function openNewCustomer() {
  await page.click('[data-test="customer-new"]')
  const form = page.locator('[data-test="customer-form"]')
  await form.waitFor({ state: 'visible' })
  return form
}

function customerRows(name) {
  return page.locator('[data-test="customer-row-name"]', { hasText: name })
}

test('first start offers the example data; declining leaves the database empty', async () => {
  await answerDemo(page, 'decline')
  await page.reload()
  await page.locator('[data-test="stat-customers"]').waitFor()
  // Declined once: the offer does not come back.
  await page.waitForTimeout(500)
  assert.equal(await page.locator('[data-test="demo-dialog"]:visible').count(), 0)
  assert.match(await page.locator('[data-test="stat-customers"]').innerText(), /0/)
})

test('a salesperson is added in the settings roster', async () => {
  await page.click('[data-test="nav-settings"]')
  // Empty name: the UI says so next to the input.
  await page.click('[data-test="owner-add"]')
  await page.getByText('姓名不能为空').waitFor()
  await page.fill('[data-test="owner-new-name"]', '张三')
  await page.click('[data-test="owner-add"]')
  await page.locator('[data-test="owners-table"]').getByText('张三').waitFor()
  // A duplicate name is refused by the backend and the refusal is shown.
  await page.fill('[data-test="owner-new-name"]', '张三')
  await page.click('[data-test="owner-add"]')
  await page.getByText('已有同名负责人「张三」').waitFor()
  await shot(page, 'settings-owners')
})

test('a customer is created through the form; an empty name is refused next to the field', async () => {
  await gotoCustomers()
  const form = await openNewCustomer()
  await page.click('[data-test="customer-save"]')
  await assert.doesNotReject(fieldError(form, 'name').filter({ hasText: '客户名称不能为空' }).waitFor())
  await page.fill('[data-test="customer-name"]', '华东商贸有限公司')
  await pickOption(page, form.locator('[data-test="customer-classification"]'), '意向客户')
  await page.fill('[data-test="customer-phone"]', '021-54656361')
  await page.fill('[data-test="customer-industry"]', '批发零售')
  await page.click('[data-test="customer-save"]')
  await form.waitFor({ state: 'hidden' })
  await customerRows('华东商贸有限公司').waitFor()
  const row = page.locator('[data-test="customer-table"] tr', { hasText: '华东商贸有限公司' })
  assert.match(await row.innerText(), /意向客户/)
  assert.match(await row.innerText(), /张三/)
})

test('a customer named with markup is shown as text, never as HTML', async () => {
  const form = await openNewCustomer()
  await page.fill('[data-test="customer-name"]', XSS)
  await page.click('[data-test="customer-save"]')
  await form.waitFor({ state: 'hidden' })
  const cell = customerRows('商贸').filter({ hasText: '<img' })
  await cell.waitFor()
  assert.equal(await cell.textContent(), XSS)
  assert.equal(await page.locator('img[src="x"]').count(), 0, 'no <img> element may be created from user text')
  // The detail drawer shows it as text too.
  await cell.click()
  const name = page.locator('[data-test="customer-detail-name"]')
  await name.waitFor()
  assert.equal(await name.textContent(), XSS)
  assert.equal(await page.locator('img[src="x"]').count(), 0)
  assert.deepEqual(page.dialogs, [], 'no alert() may run')
  await shot(page, 'customer-xss-detail')
  await page.keyboard.press('Escape')
  await page.locator('[data-test="customer-detail"]').waitFor({ state: 'hidden' })
})

test('a duplicate customer name warns and asks "仍要保存?"; cancel keeps one, confirm saves the second', async () => {
  let form = await openNewCustomer()
  await page.fill('[data-test="customer-name"]', '华东商贸有限公司')
  await page.click('[data-test="customer-save"]')
  let box = page.locator('[data-test="dupe-dialog"]')
  await box.waitFor()
  assert.match(await box.innerText(), /仍要保存/)
  assert.match(await box.innerText(), /已有同名客户「华东商贸有限公司」/)
  await shot(page, 'customer-duplicate-warning')
  await box.getByRole('button', { name: '取消' }).click()
  await box.waitFor({ state: 'hidden' })
  assert.ok(await form.isVisible(), 'the form stays open after cancelling')
  await page.click('[data-test="customer-cancel"]')
  await form.waitFor({ state: 'hidden' })
  assert.equal(await customerRows('华东商贸有限公司').count(), 1)

  form = await openNewCustomer()
  await page.fill('[data-test="customer-name"]', '华东商贸有限公司')
  await page.click('[data-test="customer-save"]')
  box = page.locator('[data-test="dupe-dialog"]')
  await box.waitFor()
  await box.getByRole('button', { name: '仍要保存' }).click()
  await form.waitFor({ state: 'hidden' })
  await page.waitForFunction(() => document.querySelectorAll('[data-test="customer-row-name"]').length === 3)
  assert.equal(await customerRows('华东商贸有限公司').count(), 2)
})

test('contacts and follow-ups are added in the customer detail', async () => {
  await customerRows(XSS).first().click()
  await page.locator('[data-test="customer-detail"]').waitFor()
  await page.click('[data-test="contact-add"]')
  const dlg = page.locator('[data-test="contact-dialog"]')
  await dlg.waitFor({ state: 'visible' })
  await page.fill('[data-test="contact-name"]', '李四')
  await page.fill('[data-test="contact-email"]', 'not-an-email')
  await page.click('[data-test="contact-save"]')
  await dlg.getByText('格式不正确').waitFor()
  await page.fill('[data-test="contact-email"]', 'lisi@example.com')
  await page.click('[data-test="contact-save"]')
  await dlg.waitFor({ state: 'hidden' })
  await page.locator('[data-test="contacts-table"]').getByText('lisi@example.com').waitFor()

  await page.getByRole('tab', { name: /跟进记录/ }).click()
  await page.click('[data-test="followup-add"]')
  const fdlg = page.locator('[data-test="followup-dialog"]')
  await fdlg.waitFor({ state: 'visible' })
  await page.fill('[data-test="followup-content"]', '电话沟通，客户关注价格')
  await page.click('[data-test="followup-save"]')
  await fdlg.waitFor({ state: 'hidden' })
  await page.locator('[data-test="followups-table"]').getByText('电话沟通，客户关注价格').waitFor()
  await shot(page, 'customer-followups')
  await page.keyboard.press('Escape')
  await page.locator('[data-test="customer-detail"]').waitFor({ state: 'hidden' })
})

test('an opportunity is created; a negative amount is refused by the backend next to the amount field', async () => {
  await page.click('[data-test="nav-opportunities"]')
  await page.locator('[data-test="opp-table"]').waitFor()
  await page.click('[data-test="opp-new"]')
  const form = page.locator('[data-test="opp-form"]')
  await form.waitFor({ state: 'visible' })
  await page.fill('[data-test="opp-name"]', '采购五十套软件')
  const customer = form.locator('[data-test="opp-customer"]')
  await customer.click()
  await page.keyboard.type('华东')
  await page.locator('.el-select-dropdown:visible .el-select-dropdown__item', { hasText: '华东商贸有限公司' }).first().click()
  await pickOption(page, form.locator('[data-test="opp-type"]'), '新业务')
  await page.fill('[data-test="opp-source"]', '展会')
  await page.fill('[data-test="opp-amount"]', '-100')
  await pickOption(page, form.locator('[data-test="opp-stage"]'), '商务谈判')
  // Choosing a stage fills its default probability.
  assert.equal(await page.inputValue('[data-test="opp-probability"]'), '60')
  await page.click('[data-test="opp-save"]')
  const err = fieldError(form, 'amount')
  await err.waitFor()
  assert.match(await err.innerText(), /金额不能为负数/)
  await shot(page, 'opp-negative-amount')

  await page.fill('[data-test="opp-amount"]', '12,345.6')
  await page.click('[data-test="opp-save"]')
  await form.waitFor({ state: 'hidden' })
  const row = page.locator('[data-test="opp-table"] tr', { hasText: '采购五十套软件' })
  await row.waitFor()
  const text = await row.innerText()
  assert.match(text, /¥12,345\.60/)
  assert.match(text, /60%/)
  assert.match(text, /商务谈判/)
  // The source is a secondary column: the list shows it from 1440 px wide.
  const size = page.viewportSize()
  await page.setViewportSize({ width: 1500, height: size.height })
  await page.locator('[data-test="opp-table"] tr', { hasText: '采购五十套软件' }).filter({ hasText: '展会' }).waitFor()
  await page.setViewportSize(size)
})

test('deleting a customer that has opportunities moves it with them to the recycle bin, and back', async () => {
  await gotoCustomers()
  await customerRows('华东商贸有限公司').first().waitFor()
  // The one of the two same-named customers that holds the opportunity (column 销售机会数 = 1).
  const row = page.locator('[data-test="customer-table"] tr', { hasText: '华东商贸有限公司' })
    .filter({ has: page.locator('td:nth-child(7)', { hasText: /^1$/ }) })
  await row.locator('[data-test="customer-row-delete"]').click()
  const box = messageBox(page)
  await box.getByRole('button', { name: '删除' }).click()
  await box.waitFor({ state: 'detached' })
  await page.waitForFunction(() => [...document.querySelectorAll('[data-test="customer-row-name"]')]
    .filter((e) => e.textContent.includes('华东商贸有限公司')).length === 1)
  // Restored from 回收站 with its opportunity, the list is as it was.
  await page.click('[data-test="nav-recycle"]')
  const binRow = page.locator('[data-test="recycle-table"] .el-table__row', { hasText: '华东商贸有限公司' })
  await binRow.locator('[data-test="recycle-restore"]').click()
  await binRow.waitFor({ state: 'detached' })
  await gotoCustomers()
  await row.waitFor()
  assert.equal(await customerRows('华东商贸有限公司').count(), 2)
  assert.deepEqual(page.errors, [])
})

test('stage configuration: add, bad probability refused next to the field, reorder, retire, refusal to delete a used stage', async () => {
  await page.click('[data-test="nav-settings"]')
  const stagesTable = page.locator('[data-test="stages-table"]')
  await stagesTable.waitFor()
  const rowOf = (name) => stagesTable.locator('tbody tr', { hasText: name })

  await page.click('[data-test="stage-add"]')
  const dlg = page.locator('[data-test="stage-dialog"]')
  await dlg.waitFor({ state: 'visible' })
  await page.fill('[data-test="stage-name"]', '样品试用')
  await page.fill('[data-test="stage-probability"]', '150')
  await page.click('[data-test="stage-save"]')
  await dlg.getByText('必须在 0 到 100 之间').waitFor()
  await page.fill('[data-test="stage-probability"]', '35')
  await page.click('[data-test="stage-save"]')
  await dlg.waitFor({ state: 'hidden' })
  await rowOf('样品试用').waitFor()
  assert.match(await rowOf('样品试用').innerText(), /35%/)
  // Added before the won and lost stages; one step up puts it before 商务谈判.
  const names = async () => (await stagesTable.locator('tbody tr td:nth-child(2)').allInnerTexts()).map((s) => s.trim())
  assert.deepEqual((await names()).slice(-3), ['样品试用', '谈成结束', '未成结束'])
  await rowOf('样品试用').locator('button[title="上移"]').click()
  await page.waitForFunction(() => {
    const cells = [...document.querySelectorAll('[data-test="stages-table"] tbody tr td:nth-child(2)')].map((c) => c.textContent.trim())
    return cells.at(-1) === '未成结束' && cells.at(-4) === '样品试用' && cells.at(-3) === '商务谈判'
  })

  // Won and lost stages are marked.
  assert.match(await rowOf('谈成结束').innerText(), /成功/)
  assert.match(await rowOf('未成结束').innerText(), /失败/)

  // Retire and restore.
  await rowOf('样品试用').getByRole('button', { name: '停用' }).click()
  await rowOf('样品试用').getByText('已停用').waitFor()
  await rowOf('样品试用').getByRole('button', { name: '恢复' }).click()
  await rowOf('样品试用').getByRole('button', { name: '停用' }).waitFor()

  // 商务谈判 holds the opportunity created above: the backend refuses to delete it.
  await rowOf('商务谈判').getByRole('button', { name: '删除' }).click()
  await messageBox(page).getByRole('button', { name: '删除' }).click()
  await page.getByText('已被销售机会使用，不能删除').waitFor()
  await shot(page, 'settings-stages')
  await messageBox(page).getByRole('button', { name: '确定' }).click()

  // An unused stage can be deleted.
  await rowOf('样品试用').getByRole('button', { name: '删除' }).click()
  await messageBox(page).getByRole('button', { name: '删除' }).click()
  await rowOf('样品试用').waitFor({ state: 'detached' })
  assert.deepEqual(page.errors, [])
})
