// Follow-ups and the 工作台 on a fixed clock (serve --clock 2026-03-10):
// follow-ups added with next dates in the customer and opportunity drawers
// show as due today and overdue with their counts and the navigation badge;
// a row opens its record, a stage bar opens the list filtered by its stage;
// a follow-up is edited and deleted, and the reminders follow.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { launchBrowser, messageBox, newPage, shot, startServer } from './helpers.mjs'

const TODAY = '2026-03-10'
let srv, browser, page
let stages

before(async () => {
  srv = await startServer({ clock: TODAY })
  const owner = await srv.call('owner.Service.Create', { name: '张三', active: true })
  const cust = await srv.call('customer.Service.Create', { name: '华强电子', classification: '', source: '', industry: '', phone: '',
    address: '', ownerId: owner.id, notes: '', allowDuplicate: false })
  stages = await srv.call('stage.Service.List')
  const first = stages.find((s) => s.name === '初期沟通')
  const nego = stages.find((s) => s.name === '商务谈判')
  const opp = (name, stage, close) => srv.call('opportunity.Service.Create', { name, customerId: cust.id, type: '', source: '',
    ownerId: owner.id, campaign: '', amount: '1234567', expectedClose: close, nextStep: '', stageId: stage.id, probability: '',
    description: '', lostReason: '', competitor: '' })
  await opp('ERP系统', first, '2026-06-30')
  await opp('CRM升级', nego, '2026-03-01') // slipped
  await opp('OA项目', nego, '2026-05-01')
  browser = await launchBrowser()
  page = await newPage(browser)
  await page.goto(srv.url)
  await page.locator('[data-test="stat-customers"]').waitFor()
})

after(async () => {
  await browser?.close()
  await srv?.stop()
})

async function fillFollowUp(dialog, { date, content, next, action }) {
  if (date) await dialog.locator('input[data-test="followup-date"]').fill(date)
  await dialog.locator('[data-test="followup-content"]').fill(content)
  await dialog.locator('input[data-test="followup-next-date"]').fill(next)
  if (action) await dialog.locator('[data-test="followup-next-action"]').fill(action)
  await dialog.locator('[data-test="followup-save"]').click()
  await dialog.waitFor({ state: 'hidden' })
}

async function gotoDashboard() {
  await page.click('[data-test="nav-dashboard"]')
  await page.locator('[data-test="reminders"]').waitFor()
}

function section(key) {
  return page.locator(`[data-test="sec-${key}"]`)
}

async function closeDrawer() {
  await page.keyboard.press('Escape')
  await page.locator('.el-drawer:visible').waitFor({ state: 'hidden' })
}

test('follow-ups added in the drawers are due on the 工作台 with their counts and the badge', async () => {
  // On the customer: next follow-up today.
  await page.click('[data-test="nav-customers"]')
  await page.locator('[data-test="customer-row-name"]', { hasText: '华强电子' }).click()
  const drawer = page.locator('[data-test="customer-detail"]')
  await drawer.locator('[data-test="tab-followups"]').waitFor({ state: 'attached' })
  await drawer.locator('.el-tabs__item', { hasText: '跟进' }).click()
  await drawer.locator('[data-test="followup-add"]').click()
  const dialog = page.locator('[data-test="followup-dialog"]:visible')
  await dialog.waitFor()
  // The form starts on the app's clock, not the browser's.
  assert.equal(await dialog.locator('input[data-test="followup-date"]').inputValue(), TODAY)
  // A date after today is refused next to the field.
  await dialog.locator('input[data-test="followup-date"]').fill('2026-03-11')
  await dialog.locator('[data-test="followup-content"]').fill('电话沟通需求')
  await dialog.locator('[data-test="followup-save"]').click()
  await dialog.locator('.el-form-item__error', { hasText: '不能晚于今天' }).waitFor()
  await fillFollowUp(dialog, { date: '2026-03-09', content: '电话沟通需求', next: TODAY, action: '发送报价' })
  await drawer.locator('[data-test="followup-row-content"]', { hasText: '电话沟通需求' }).waitFor()
  assert.equal(await drawer.locator('[data-test="customer-last-followup"]').textContent(), '2026-03-09')
  await closeDrawer()

  // On an opportunity: next follow-up two days ago (overdue).
  await page.click('[data-test="nav-opportunities"]')
  await page.locator('[data-test="opp-row-name"]', { hasText: 'ERP系统' }).click()
  const opp = page.locator('[data-test="opp-detail"]')
  await opp.locator('[data-test="followup-add"]').click()
  await dialog.waitFor()
  await fillFollowUp(dialog, { date: '2026-03-02', content: '现场演示', next: '2026-03-08', action: '确认方案' })
  await opp.locator('[data-test="followup-row-content"]', { hasText: '现场演示' }).waitFor()
  await closeDrawer()

  await gotoDashboard()
  await section('followUpsToday').waitFor()
  assert.equal(await section('followUpsToday').locator('[data-test="sec-count"]').textContent(), '1')
  assert.equal(await section('followUpsOverdue').locator('[data-test="sec-count"]').textContent(), '1')
  assert.match(await section('followUpsToday').textContent(), /发送报价/)
  assert.match(await section('followUpsOverdue').textContent(), /ERP系统[\s\S]*确认方案/)
  assert.match(await section('followUpsOverdue').textContent(), /逾期 2 天/)
  assert.equal(await section('slipped').locator('[data-test="sec-count"]').textContent(), '1')
  assert.match(await section('slipped').textContent(), /CRM升级[\s\S]*¥1,234,567\.00/)
  await page.locator('[data-test="nav-badge"]', { hasText: '2' }).waitFor()
  await shot(page, 'followup-dashboard')
})

test('a row opens its record', async () => {
  await gotoDashboard()
  await section('followUpsToday').locator('[data-test="row-open"]').click()
  await page.locator('[data-test="customer-detail-name"]', { hasText: '华强电子' }).waitFor()
  await closeDrawer()
  await section('followUpsOverdue').locator('[data-test="row-open"]').click()
  await page.locator('[data-test="opp-detail-name"]', { hasText: 'ERP系统' }).waitFor()
  await closeDrawer()
  await section('slipped').locator('[data-test="row-open"]').click()
  await page.locator('[data-test="opp-detail-name"]', { hasText: 'CRM升级' }).waitFor()
  await closeDrawer()
})

test('a stage bar opens the opportunity list filtered by its stage', async () => {
  await gotoDashboard()
  const bar = page.locator('[data-test="stage-bar"]', { hasText: '商务谈判' })
  assert.match(await bar.textContent(), /2\s*¥2,469,134\.00/)
  await bar.click()
  await page.waitForURL(/#\/opportunities/)
  await page.locator('[data-test="list-total"]', { hasText: '2' }).waitFor()
  const names = await page.locator('[data-test="opp-row-name"]').allTextContents()
  assert.deepEqual(names.sort(), ['CRM升级', 'OA项目'].sort())
  assert.match(await page.locator('[data-test="filter-stages"]').textContent(), /商务谈判/)
})

test('editing and deleting a follow-up moves the reminders', async () => {
  await page.click('[data-test="nav-customers"]')
  await page.locator('[data-test="customer-row-name"]', { hasText: '华强电子' }).click()
  const drawer = page.locator('[data-test="customer-detail"]')
  await drawer.locator('.el-tabs__item', { hasText: '跟进' }).click()
  const row = drawer.locator('[data-test="followups-table"] .el-table__row', { hasText: '电话沟通需求' })
  await row.locator('[data-test="followup-edit"]').click()
  const dialog = page.locator('[data-test="followup-dialog"]:visible')
  await dialog.waitFor()
  assert.equal(await dialog.locator('[data-test="followup-content"]').inputValue(), '电话沟通需求')
  await fillFollowUp(dialog, { content: '电话沟通需求（已改）', next: '2026-03-12' })
  await drawer.locator('[data-test="followup-row-content"]', { hasText: '（已改）' }).waitFor()
  await page.locator('[data-test="nav-badge"]', { hasText: '1' }).waitFor()
  await closeDrawer()
  await gotoDashboard()
  await section('followUpsOverdue').waitFor()
  assert.equal(await section('followUpsToday').count(), 0)

  // Delete the opportunity's follow-up: nothing is due any more.
  await section('followUpsOverdue').locator('[data-test="row-open"]').click()
  const opp = page.locator('[data-test="opp-detail"]')
  await opp.locator('[data-test="followup-delete"]').click()
  await messageBox(page).locator('.el-button--primary').click()
  await opp.locator('[data-test="followups-table"]').getByText('现场演示').waitFor({ state: 'detached' })
  await closeDrawer()
  await section('followUpsOverdue').waitFor({ state: 'detached' })
  await page.locator('[data-test="nav-badge"]').waitFor({ state: 'detached' })
  assert.deepEqual(page.errors, [])
})
