// Issue 9, second part: a customer created inside the customer picker (with
// the duplicate check), the keys of every form dialog, and the Ctrl+K search.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { launchBrowser, newPage, pickOption, shot, startServer } from './helpers.mjs'

let browser
let srv
before(async () => {
  browser = await launchBrowser()
  srv = await startServer({ demo: true })
})
after(async () => {
  await browser?.close()
  await srv?.stop()
})

const oppForm = (page) => page.locator('[data-test="opp-form"]')
const newDialog = (page) => page.locator('[data-test="customer-new-dialog"]')

async function openOppForm(page, name) {
  await page.goto(srv.url + '#/opportunities')
  await page.locator('[data-test="opp-table"]').waitFor()
  await page.click('[data-test="opp-new"]')
  await oppForm(page).waitFor({ state: 'visible' })
  await page.fill('[data-test="opp-name"]', name)
}

async function customersNamed(name) {
  const res = await srv.call('customer.Service.List', { query: name, page: 1, pageSize: 50 })
  return res.items.filter((c) => c.name === name)
}

describe('a new customer from the customer picker', () => {
  test('typed in the picker, created with its owner and selected; the opportunity is saved for it', async () => {
    const page = await newPage(browser)
    await openOppForm(page, '新客户的第一个机会')
    await oppForm(page).locator('[data-test="opp-customer"]').click()
    await page.keyboard.type('星辰光电科技')
    await page.locator('[data-test="customer-select-new"]:visible', { hasText: '新建客户「星辰光电科技」' }).click()
    await newDialog(page).waitFor({ state: 'visible' })
    assert.equal(await page.inputValue('[data-test="customer-new-name"]'), '星辰光电科技')
    await pickOption(page, newDialog(page).locator('[data-test="customer-new-owner"]'), 'admin')
    await shot(page, 'issue9b2-new-customer')
    await page.click('[data-test="customer-new-save"]')
    await newDialog(page).waitFor({ state: 'hidden' })
    const picked = oppForm(page).locator('[data-test="opp-customer"]')
    await picked.locator('.el-select__selected-item', { hasText: '星辰光电科技' }).waitFor()
    const made = await customersNamed('星辰光电科技')
    assert.equal(made.length, 1)
    await page.fill('[data-test="opp-amount"]', '500')
    await page.click('[data-test="opp-save"]')
    await oppForm(page).waitFor({ state: 'hidden' })
    const opps = await srv.call('opportunity.Service.List', { filter: { query: '新客户的第一个机会' }, page: 1, pageSize: 10 })
    assert.equal(opps.items.length, 1)
    assert.equal(opps.items[0].customerId, made[0].id)
    assert.deepEqual(page.errors, [])
    await page.context().close()
  })

  test('a duplicate name is refused by the backend, shown, and the match can be picked instead', async () => {
    const page = await newPage(browser)
    await openOppForm(page, '重复客户的机会')
    await oppForm(page).locator('[data-test="opp-customer"]').click()
    await page.keyboard.type('喜多多贸易')
    // The option follows the typed text: wait for all of it, not a prefix
    // typed so far (a slow machine offered 新建客户「喜多多贸」).
    await page.locator('[data-test="customer-select-new"]:visible', { hasText: '新建客户「喜多多贸易」' }).click()
    await newDialog(page).waitFor({ state: 'visible' })
    assert.equal(await page.inputValue('[data-test="customer-new-name"]'), '喜多多贸易')
    await page.click('[data-test="customer-new-save"]')
    const dupe = newDialog(page).locator('[data-test="customer-new-dupe"]')
    await dupe.waitFor()
    assert.match(await dupe.innerText(), /喜多多贸易/)
    await shot(page, 'issue9b2-new-customer-duplicate')
    await newDialog(page).locator('[data-test="customer-new-pick"]').first().click()
    await newDialog(page).waitFor({ state: 'hidden' })
    await oppForm(page).locator('[data-test="opp-customer"] .el-select__selected-item', { hasText: '喜多多贸易' }).waitFor()
    assert.equal((await customersNamed('喜多多贸易')).length, 1, 'nothing new was created')
    assert.deepEqual(page.errors, [])
    await page.context().close()
  })

  test('the duplicate can be confirmed: a second customer of that name is created and selected', async () => {
    const page = await newPage(browser)
    await openOppForm(page, '确认重复')
    await oppForm(page).locator('[data-test="opp-customer"]').click()
    await page.keyboard.type('喜多多贸易')
    // The option follows the typed text: wait for all of it, not a prefix
    // typed so far (a slow machine offered 新建客户「喜多多贸」).
    await page.locator('[data-test="customer-select-new"]:visible', { hasText: '新建客户「喜多多贸易」' }).click()
    await newDialog(page).waitFor({ state: 'visible' })
    assert.equal(await page.inputValue('[data-test="customer-new-name"]'), '喜多多贸易')
    await page.click('[data-test="customer-new-save"]')
    await newDialog(page).locator('[data-test="customer-new-dupe"]').waitFor()
    await page.click('[data-test="customer-new-anyway"]')
    await newDialog(page).waitFor({ state: 'hidden' })
    const both = await customersNamed('喜多多贸易')
    assert.equal(both.length, 2)
    const newest = Math.max(...both.map((c) => c.id))
    await page.fill('[data-test="opp-amount"]', '1')
    await page.click('[data-test="opp-save"]')
    await oppForm(page).waitFor({ state: 'hidden' })
    const opps = await srv.call('opportunity.Service.List', { filter: { query: '确认重复' }, page: 1, pageSize: 10 })
    assert.equal(opps.items[0].customerId, newest)
    assert.deepEqual(page.errors, [])
    await page.context().close()
  })
})

describe('the keys of a form dialog', () => {
  test('Enter in a field saves the customer form; Enter in its notes is a new line; Ctrl+S saves', async () => {
    const page = await newPage(browser)
    await page.goto(srv.url + '#/customers')
    const form = page.locator('[data-test="customer-form"]')
    await page.click('[data-test="customer-new"]')
    await form.waitFor({ state: 'visible' })
    await page.fill('[data-test="customer-name"]', '回车保存的客户')
    await pickOption(page, form.locator('[data-test="customer-owner"]'), 'admin')
    await page.fill('[data-test="customer-phone"]', '021-1234 5678')
    await page.press('[data-test="customer-phone"]', 'Enter')
    await form.waitFor({ state: 'hidden' })
    assert.equal((await customersNamed('回车保存的客户')).length, 1)

    await page.click('[data-test="customer-new"]')
    await form.waitFor({ state: 'visible' })
    await page.fill('[data-test="customer-name"]', '快捷键保存的客户')
    await pickOption(page, form.locator('[data-test="customer-owner"]'), 'admin')
    await page.click('[data-test="customer-notes"]')
    await page.keyboard.type('第一行')
    await page.keyboard.press('Enter')
    await page.keyboard.type('第二行')
    assert.ok(await form.isVisible(), 'Enter in the notes does not save')
    assert.equal(await page.inputValue('[data-test="customer-notes"]'), '第一行\n第二行')
    await page.keyboard.press('Control+s')
    await form.waitFor({ state: 'hidden' })
    const saved = await customersNamed('快捷键保存的客户')
    assert.equal(saved.length, 1)
    assert.equal(saved[0].notes, '第一行\n第二行')
    assert.deepEqual(page.errors, [])
    await page.context().close()
  })

  test('Esc on a product form with changes asks first; without changes it just closes; Ctrl+S reports the errors', async () => {
    const page = await newPage(browser)
    await page.goto(srv.url + '#/products')
    const form = page.locator('[data-test="product-form"]')
    const ask = page.locator('.el-message-box:visible', { hasText: '未保存的修改' })
    await page.click('[data-test="product-new"]')
    await form.waitFor({ state: 'visible' })
    await page.keyboard.press('Escape')
    await form.waitFor({ state: 'hidden' })
    assert.equal(await ask.count(), 0, 'nothing to discard, nothing asked')

    await page.click('[data-test="product-new"]')
    await form.waitFor({ state: 'visible' })
    await page.fill('[data-test="product-code"]', 'KEY-001')
    await page.keyboard.press('Control+s')
    await form.locator('[data-field="name"] .el-form-item__error').waitFor()
    await page.keyboard.press('Escape')
    await ask.waitFor()
    await shot(page, 'issue9b2-discard-ask')
    await ask.locator('.el-message-box__btns button:not(.el-button--primary)').click()
    await ask.waitFor({ state: 'hidden' })
    assert.ok(await form.isVisible(), 'keep editing keeps the form')
    assert.equal(await page.inputValue('[data-test="product-code"]'), 'KEY-001')
    await page.keyboard.press('Escape')
    await ask.locator('.el-message-box__btns .el-button--primary').click()
    await form.waitFor({ state: 'hidden' })
    const products = await srv.call('product.Service.List', { filter: { query: 'KEY-001' }, page: 1, pageSize: 10 })
    assert.equal(products.total, 0, 'nothing was saved')
    assert.deepEqual(page.errors, [])
    await page.context().close()
  })
})

describe('Ctrl+K searches everything', () => {
  test('grouped by kind, by pinyin, phone digits and number; arrows and Enter open the record', async () => {
    const [admin] = await srv.call('owner.Service.List', false)
    const xdd = (await srv.call('customer.Service.List', { query: '喜多多', page: 1, pageSize: 5 })).items[0]
    await srv.call('customer.Service.AddContact', xdd.id, { name: '王小明', title: '', phone: '139 1234 5678', email: '' })
    const product = await srv.call('product.Service.Create', { code: 'S-100', name: '搜索测试产品', unit: '台', price: '10', ownerId: admin.id })
    const order = await srv.call('order.Service.Create', { customerId: xdd.id, ownerId: admin.id, lines: [{ productId: product.id, quantity: '1' }] })

    const page = await newPage(browser)
    await page.goto(srv.url + '#/funnel')
    await page.locator('[data-test="funnel-table"]').waitFor()
    const dialog = page.locator('[data-test="global-search"]')
    const input = page.locator('input[data-test="global-search-input"], [data-test="global-search-input"] input').first()
    const hits = dialog.locator('[data-test="global-search-hit"]')

    // Initials of 购买 find the opportunities, grouped under their kind.
    await page.keyboard.press('Control+k')
    await dialog.waitFor({ state: 'visible' })
    await input.fill('gm')
    await dialog.locator('[data-test="global-search-group-opportunity"]').waitFor()
    assert.deepEqual(await hits.evaluateAll((els) => [...new Set(els.map((e) => e.dataset.kind))]), ['opportunity'])
    const titles = await hits.locator('.hit-title').allInnerTexts()
    assert.ok(titles.length >= 2 && titles.every((s) => s.startsWith('购买')), titles.join(' | '))
    await shot(page, 'issue9b2-search-pinyin')
    await page.keyboard.press('ArrowDown')
    assert.match(await dialog.locator('.hit.active .hit-title').innerText(), new RegExp('^' + titles[1] + '$'))
    await page.keyboard.press('Enter')
    await dialog.waitFor({ state: 'hidden' })
    await page.locator('[data-test="opp-detail"]', { hasText: titles[1] }).waitFor()
    assert.match(page.url(), /#\/opportunities/)

    // A contact by the digits of its phone opens its customer.
    await page.keyboard.press('Escape')
    await page.keyboard.press('Meta+k')
    await dialog.waitFor({ state: 'visible' })
    await input.fill('13912345678')
    await dialog.locator('[data-test="global-search-group-contact"]').waitFor()
    assert.match(await hits.first().innerText(), /王小明[\s\S]*喜多多贸易/)
    await page.keyboard.press('Enter')
    await page.locator('[data-test="customer-detail"]', { hasText: '喜多多贸易' }).waitFor()

    // An order by its number; a name found in several kinds lists each group in order.
    await page.keyboard.press('Escape')
    await page.keyboard.press('Control+k')
    await input.fill(order.order.number)
    await dialog.locator('[data-test="global-search-group-order"]').waitFor()
    await page.keyboard.press('Enter')
    await page.locator('[data-test="order-detail"]:visible', { hasText: order.order.number }).waitFor()
    await page.keyboard.press('Escape')
    await page.keyboard.press('Control+k')
    await input.fill('xdd')
    await dialog.locator('[data-test="global-search-group-customer"]').waitFor()
    await input.fill('没有这样的记录')
    await dialog.locator('[data-test="global-search-empty"]').waitFor()
    assert.deepEqual(page.errors, [])
    await page.context().close()
  })
})
