// 线索 in the browser on a fixed clock: a lead is created in the form and
// converted into a customer, a contact and an opportunity in one go; the
// customer and the opportunity then exist on their screens and the lead
// shows 已转化 with links to them. A lead whose company is already a
// customer is refused naming it until the user links it to that customer.
// Marking leads invalid asks for the reason; batch assign moves them; the
// conversion report counts them.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { launchBrowser, messageBox, newPage, pickOption, shot, startServer } from './helpers.mjs'

const TODAY = '2026-03-10'
let srv, browser, page, zhang, li

before(async () => {
  srv = await startServer({ clock: TODAY })
  zhang = await srv.call('owner.Service.Create', { name: '张三', active: true })
  li = await srv.call('owner.Service.Create', { name: '李四', active: true })
  await srv.call('customer.Service.Create', { name: '大商科技有限公司', classification: '', source: '', industry: '', phone: '',
    address: '', ownerId: li.id, notes: '', allowDuplicate: false })
  browser = await launchBrowser()
  page = await newPage(browser)
  await page.goto(srv.url + '#/leads')
  await page.locator('[data-test="lead-table"]').waitFor()
})

after(async () => {
  await browser?.close()
  await srv?.stop()
})

function row(name) {
  return page.locator('[data-test="lead-table"] .el-table__body tr', { hasText: name })
}

test('a lead made in the form converts into customer, contact and opportunity', async () => {
  await page.click('[data-test="lead-new"]')
  const form = page.locator('[data-test="lead-form"]')
  await form.waitFor()
  // Bad input is refused next to its fields.
  await form.locator('[data-test="lead-phone"]').fill('abc')
  await form.locator('[data-test="lead-save"]').click()
  await form.locator('.el-form-item__error', { hasText: '线索名称' }).waitFor()
  await form.locator('.el-form-item__error', { hasText: '电话' }).waitFor()
  await form.locator('[data-test="lead-name"]').fill('展会名片 华强')
  await form.locator('[data-test="lead-company"]').fill('华强电子')
  await form.locator('[data-test="lead-contact"]').fill('王经理')
  await form.locator('[data-test="lead-phone"]').fill('138-0013-8000')
  await form.locator('[data-test="lead-email"]').fill('wang@hq.cn')
  await form.locator('input[data-test="lead-source"], [data-test="lead-source"] input').first().fill('展会')
  await pickOption(page, form.locator('[data-test="lead-owner"]'), '张三')
  await form.locator('[data-test="lead-save"]').click()
  await form.waitFor({ state: 'hidden' })
  await row('展会名片 华强').locator('[data-test="lead-row-status"]', { hasText: '新线索' }).waitFor()

  await row('展会名片 华强').locator('[data-test="lead-row-convert"]').click()
  const dlg = page.locator('[data-test="lead-convert"]')
  await dlg.locator('[data-test="lead-convert-nodup"]').waitFor()
  assert.equal(await dlg.locator('[data-test="lead-convert-customer-name"]').inputValue(), '华强电子')
  assert.equal(await dlg.locator('[data-test="lead-convert-contact"]').inputValue(), '王经理')
  await dlg.locator('[data-test="lead-convert-opp-name"]').fill('华强 ERP 项目')
  // A bad amount refuses the whole conversion, shown by the amount.
  await dlg.locator('[data-test="lead-convert-amount"]').fill('四万')
  await dlg.locator('[data-test="lead-convert-save"]').click()
  await dlg.locator('.el-form-item__error', { hasText: '金额' }).waitFor()
  const afterRefusal = await srv.call('customer.Service.List', { query: '华强', classification: '', ownerId: 0, page: 1, pageSize: 20 })
  assert.equal(afterRefusal.total, 0, 'a refused conversion wrote no customer')
  await dlg.locator('[data-test="lead-convert-amount"]').fill('40000')
  await dlg.locator('input[data-test="lead-convert-close"]').fill('2026-06-30')
  await dlg.locator('[data-test="lead-convert-save"]').click()
  await dlg.waitFor({ state: 'hidden' })

  // The detail shows 已转化 and what the lead became.
  const drawer = page.locator('[data-test="lead-detail"]')
  await drawer.locator('[data-test="lead-detail-status"]', { hasText: '已转化' }).waitFor()
  await drawer.locator('[data-test="lead-link-customer"]', { hasText: '华强电子' }).waitFor()
  await drawer.locator('[data-test="lead-link-contact"]', { hasText: '王经理' }).waitFor()
  await drawer.locator('[data-test="lead-link-opportunity"]', { hasText: '华强 ERP 项目' }).waitFor()
  await shot(page, 'leads-converted')

  // The customer exists, with the contact and the lead's source.
  await drawer.locator('[data-test="lead-link-customer"]').click()
  const cust = page.locator('[data-test="customer-detail"]')
  await cust.locator('[data-test="customer-detail-name"]', { hasText: '华强电子' }).waitFor()
  await cust.locator('[data-test="contacts-table"]', { hasText: '王经理' }).waitFor()
  await page.keyboard.press('Escape')
  // The opportunity exists on the opportunity list.
  await page.click('[data-test="nav-opportunities"]')
  await page.locator('[data-test="opp-row-name"]', { hasText: '华强 ERP 项目' }).waitFor()
  const opps = await srv.call('opportunity.Service.List', { filter: { query: '华强' }, page: 1, pageSize: 20 })
  assert.equal(opps.total, 1)
  assert.equal(opps.items[0].amountCents, 4000000)
  assert.equal(opps.items[0].source, '展会')
  assert.equal(opps.items[0].customerName, '华强电子')

  // Back on the list the lead reads 已转化 and cannot be converted again.
  await page.click('[data-test="nav-leads"]')
  await row('展会名片 华强').locator('[data-test="lead-row-status"]', { hasText: '已转化' }).waitFor()
  assert.equal(await row('展会名片 华强').locator('[data-test="lead-row-convert"]').count(), 0)
})

test('a duplicate customer is named and the lead is linked to it instead', async () => {
  await srv.call('lead.Service.Create', { name: '官网表单 大商', company: '大商科技', contactName: '赵总', phone: '', email: '',
    source: '官网', ownerId: zhang.id, notes: '' })
  await page.goto(srv.url + '#/leads')
  await page.reload()
  await row('官网表单 大商').locator('[data-test="lead-row-convert"]').click()
  const dlg = page.locator('[data-test="lead-convert"]')
  await dlg.locator('[data-test="lead-convert-dups"]').waitFor()
  await dlg.locator('[data-test="lead-convert-opp"]').click() // no opportunity this time
  await dlg.locator('[data-test="lead-convert-save"]').click()
  await dlg.locator('.el-form-item__error', { hasText: '大商科技有限公司' }).waitFor()
  await dlg.locator('[data-test^="lead-convert-link-"]').click()
  await dlg.locator('[data-test="lead-convert-save"]').click()
  await dlg.waitFor({ state: 'hidden' })
  const drawer = page.locator('[data-test="lead-detail"]')
  await drawer.locator('[data-test="lead-link-customer"]', { hasText: '大商科技有限公司' }).waitFor()
  const cs = await srv.call('customer.Service.List', { query: '大商', classification: '', ownerId: 0, page: 1, pageSize: 20 })
  assert.equal(cs.total, 1, 'no second customer was created')
  await page.keyboard.press('Escape')
})

test('invalid needs a reason; batch assign; follow-ups; the conversion report', async () => {
  for (const name of ['空号线索', '待分配线索']) {
    await srv.call('lead.Service.Create', { name, company: '', contactName: '', phone: '', email: '', source: '展会', ownerId: zhang.id, notes: '' })
  }
  await page.reload()
  await row('空号线索').locator('.el-checkbox').click()
  await page.click('[data-test="lead-status-menu"]')
  await page.locator('[data-test="lead-status-invalid"]:visible').click()
  const box = messageBox(page)
  await box.waitFor()
  await box.locator('input').fill('电话是空号')
  await box.locator('.el-button--primary').click()
  await row('空号线索').locator('[data-test="lead-row-status"]', { hasText: '无效' }).waitFor()

  await row('待分配线索').locator('.el-checkbox').click()
  await pickOption(page, page.locator('[data-test="lead-assign-owner"]'), '李四')
  await page.click('[data-test="lead-assign"]')
  await row('待分配线索').locator('td', { hasText: '李四' }).waitFor()

  // A follow-up on the lead.
  await row('待分配线索').locator('[data-test="lead-row-name"]').click()
  const drawer = page.locator('[data-test="lead-detail"]')
  await drawer.locator('[data-test="followup-add"]').click()
  const fu = page.locator('[data-test="followup-dialog"]:visible')
  await fu.locator('[data-test="followup-content"]').fill('电话沟通，约下周演示')
  await fu.locator('[data-test="followup-save"]').click()
  await fu.waitFor({ state: 'hidden' })
  await drawer.locator('[data-test="followup-row-content"]', { hasText: '约下周演示' }).waitFor()
  await page.keyboard.press('Escape')

  // 展会: 3 leads, 1 converted, 1 invalid → 33.33%.
  await page.click('[data-test="lead-tab-report"]')
  const table = page.locator('[data-test="lead-report-table"]')
  await table.locator('tr', { hasText: '展会' }).locator('[data-test="lead-report-rate"]', { hasText: '33.33%' }).waitFor()
  await table.locator('tr', { hasText: '合计' }).locator('[data-test="lead-report-rate"]', { hasText: '50%' }).waitFor()
  await shot(page, 'leads-report')
  assert.deepEqual(page.errors, [])
})

test("a lead's detail lists its tasks and makes one, given to the lead's owner", async () => {
  await srv.call('lead.Service.Create', { name: '任务线索', company: '宁波光嘉', contactName: '', phone: '', email: '', source: '展会',
    ownerId: li.id, notes: '' })
  await page.goto(srv.url + '#/leads')
  await page.reload()
  await page.click('[data-test="lead-tab-list"]')
  await row('任务线索').locator('[data-test="lead-row-name"]').click()
  const drawer = page.locator('[data-test="lead-detail"]')
  const tasks = drawer.locator('[data-test="lead-tasks"]')
  await tasks.locator('.el-table__empty-text', { hasText: '这条线索还没有任务' }).waitFor()
  await tasks.locator('[data-test="lead-task-new"]').click()
  const dlg = page.locator('[data-test="task-dialog"]:visible')
  await dlg.waitFor()
  assert.match(await dlg.locator('[data-test="task-assignee"]').innerText(), /李四/)
  await dlg.locator('[data-test="task-title"]').fill('回电确认演示时间')
  await dlg.locator('input[data-test="task-due-date"]').fill('2026-03-12')
  await dlg.locator('[data-test="task-save"]').click()
  await dlg.waitFor({ state: 'hidden' })
  await tasks.locator('[data-test="lead-task-title"]', { hasText: '回电确认演示时间' }).waitFor()
  assert.match(await tasks.locator('[data-test="lead-tasks-count"]').innerText(), /共 1 项/)
  const lead = (await srv.call('lead.Service.List', { filter: { query: '任务线索' }, page: 1, pageSize: 10 })).items[0]
  const listed = await srv.call('task.Service.List', { filter: { leadId: lead.id }, page: 1, pageSize: 10 })
  assert.equal(listed.total, 1)
  assert.equal(listed.items[0].assigneeName, '李四')
  await shot(page, 'leads-detail-tasks')
  await page.keyboard.press('Escape')
  assert.deepEqual(page.errors, [])
})
