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
    await page.locator('[data-test="customer-new"]:visible', { hasText: '新建客户「星辰光电科技」' }).click()
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
    await page.locator('[data-test="customer-new"]:visible').click()
    await newDialog(page).waitFor({ state: 'visible' })
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
    await page.locator('[data-test="customer-new"]:visible').click()
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
