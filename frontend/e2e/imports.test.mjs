// Importing a customer list with its contacts through the import screen
// (issue 13): the file is recognised as customers, a second list with
// duplicates (华强电子 = 华强电子有限公司 by name, 远景 by its phone written
// +86, two spellings of one new customer) shows per row what it does and
// per kind how many records are added, updated and skipped; choosing
// "skip" then "update" changes the counts, and the import updates the
// customers that were there, as the customer list then shows; the same
// list again updates nothing (the records reached are unchanged). A lead file
// (issue 14) is imported from the lead list and undone from the history.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { answerDemo, launchBrowser, messageBox, newPage, shot, startServer } from './helpers.mjs'

let srv, browser, page, dir

const first = '客户名称,电话,行业,联系人,职务,手机\n' +
  '华强电子有限公司,0755-83000000,电子,李四,采购经理,13800138000\n' +
  '远景科技,010-65521234,软件,赵六,总经理,13700137000\n'
const second = '客户名称,电话,行业,联系人,手机\n' +
  '华强电子,0755-88888888,电子元器件,李四,13800138000\n' +
  '远景,+86 10 6552 1234,,王五,13900139000\n' +
  '新客户,,,钱七,\n' +
  '新客户有限公司,,,孙八,\n'

// Leads (issue 14): found again by phone (written +86 the second time), else
// by email; the file is read as leads from the lead list's 导入 button.
const leads = '线索名称,公司名称,联系人,电话,邮箱,线索来源,负责人\n' +
  '展会名片,华强电子,王经理,13800138000,,展会,张三\n' +
  '官网表单,大商股份,赵总,,zhao@ds.cn,官网,张三\n'
const leadsAgain = '线索名称,公司名称,电话,备注\n' +
  '展会回访,华强电子,+86 138 0013 8000,要报价\n' +
  '新线索甲,远景科技,13700137000,\n'

before(async () => {
  srv = await startServer()
  browser = await launchBrowser()
  page = await newPage(browser)
  await page.goto(srv.url)
  await answerDemo(page, 'decline') // an empty database: no example data
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'imports-e2e-'))
  fs.writeFileSync(path.join(dir, 'customers.csv'), first)
  fs.writeFileSync(path.join(dir, 'customers-again.csv'), second)
  fs.writeFileSync(path.join(dir, 'leads.csv'), leads)
  fs.writeFileSync(path.join(dir, 'leads-again.csv'), leadsAgain)
})

after(async () => {
  await browser?.close()
  await srv?.stop()
  if (dir) fs.rmSync(dir, { recursive: true, force: true })
})

async function choose(name) {
  await page.goto(srv.url + '#/customers') // a fresh import screen, not the last one's result
  await page.goto(srv.url + '#/import')
  await page.locator('[data-test="import-intro"]').waitFor()
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.click('[data-test="import-pick"]')])
  await chooser.setFiles(path.join(dir, name))
  await page.locator('[data-test="import-file-name"]', { hasText: name }).waitFor()
  await page.locator('[data-test="import-ok"]').waitFor()
}

const counts = (kind) => page.locator(`[data-test="import-counts-${kind}"]`).innerText()

async function confirm() {
  await page.click('[data-test="import-confirm"]')
  await page.locator('[data-test="import-summary-customers"]').waitFor({ timeout: 20000 })
}

test('a customer list with contacts is recognised and imported', async () => {
  await page.goto(srv.url + '#/import')
  await page.locator('[data-test="import-intro"]').waitFor()
  assert.equal(await page.locator('.header-title').innerText(), '导入销售机会', 'before a file: the list it belongs to')
  await choose('customers.csv')
  const kind = page.locator('[data-test="import-kind"] .is-active')
  assert.equal((await kind.innerText()).trim(), '客户（可含联系人）')
  // The title names what the file is read as.
  assert.equal(await page.locator('.header-title').innerText(), '导入客户')
  assert.equal(await counts('customers'), '客户：新增 2，更新 0，跳过 0，合并 0')
  assert.equal(await counts('contacts'), '联系人：新增 2，更新 0，跳过 0')
  await confirm()
  assert.equal(await page.locator('[data-test="import-summary-customers"]').innerText(), '客户：新增 2，更新 0，跳过 0，合并 0')
  assert.equal(await page.locator('.header-title').innerText(), '导入客户')
})

test('a list with duplicates: the counts follow the choice, update updates the customers', async () => {
  await choose('customers-again.csv')
  // Update is the default: two customers found (by name, by phone), one new from two spellings.
  assert.equal(await counts('customers'), '客户：新增 1，更新 2，跳过 0，合并 1')
  assert.equal(await counts('contacts'), '联系人：新增 3，更新 1，跳过 0')
  const actions = await page.locator('[data-test="import-row-action"]').allInnerTexts()
  assert.deepEqual(actions.map((s) => s.trim()), ['更新', '更新', '新增', '合并'])

  await page.locator('[data-test="import-on-duplicate-customers"] label', { hasText: '跳过' }).click()
  await page.locator('[data-test="import-counts-customers"]', { hasText: '跳过 2' }).waitFor()
  assert.equal(await counts('customers'), '客户：新增 1，更新 0，跳过 2，合并 1')
  await page.locator('[data-test="import-on-duplicate-customers"] label', { hasText: '仍然新建' }).click()
  await page.locator('[data-test="import-counts-customers"]', { hasText: '新增 3' }).waitFor()
  await page.locator('[data-test="import-on-duplicate-customers"] label', { hasText: '更新已有的' }).click()
  await page.locator('[data-test="import-counts-customers"]', { hasText: '更新 2' }).waitFor()
  assert.equal(await counts('customers'), '客户：新增 1，更新 2，跳过 0，合并 1')
  await shot(page, 'imports-customers-preview')

  await confirm()
  assert.equal(await page.locator('[data-test="import-summary-customers"]').innerText(), '客户：新增 1，更新 2，跳过 0，合并 1')
  // 李四 is found by his mobile and the file gives nothing new for him.
  assert.equal(await page.locator('[data-test="import-summary-contacts"]').innerText(), '联系人：新增 3，更新 0，跳过 0，未变 1')

  // The customer list shows three customers, 华强电子有限公司 with its new phone and industry.
  await page.click('[data-test="import-view-list"]')
  const table = page.locator('[data-test="customer-table"]')
  await table.locator('[data-test="customer-row-name"]', { hasText: '华强电子有限公司' }).waitFor()
  const names = await table.locator('[data-test="customer-row-name"]').allInnerTexts()
  assert.deepEqual(names.map((s) => s.trim()).sort(), ['华强电子有限公司', '新客户', '远景科技'].sort())
  const row = table.locator('.el-table__body tr', { hasText: '华强电子有限公司' })
  assert.match(await row.innerText(), /电子元器件[\s\S]*0755-88888888/)
  await shot(page, 'imports-customers-list')

  // The history lists both imports as customer imports.
  const history = await srv.call('importer.Service.History')
  assert.deepEqual(history.map((h) => [h.kind, h.added, h.updated, h.skipped]), [['customers', 1, 2, 0], ['customers', 2, 0, 0]])
})

test('the same list again: nothing is counted as updated, the records reached are unchanged', async () => {
  await choose('customers-again.csv')
  // The preview cannot know yet: it plans updates of the records it finds.
  assert.equal(await counts('customers'), '客户：新增 0，更新 3，跳过 0，合并 1')
  await confirm()
  assert.equal(await page.locator('[data-test="import-summary-customers"]').innerText(), '客户：新增 0，更新 0，跳过 0，合并 1，未变 3')
  assert.equal(await page.locator('[data-test="import-summary-contacts"]').innerText(), '联系人：新增 0，更新 0，跳过 0，未变 4')
  await shot(page, 'imports-customers-unchanged')
  const [last] = await srv.call('importer.Service.History')
  assert.deepEqual([last.kind, last.added, last.updated, last.skipped], ['customers', 0, 0, 0])
  await page.goto(srv.url + '#/imports')
  const row = page.locator('[data-test="imports-table"] .el-table__body tr', { hasText: 'customers-again.csv' }).first()
  assert.match(await row.locator('[data-test="imports-counts"]').innerText(), /新增 0，更新 0，跳过 0，合并 1，未变 3/)
})

async function chooseLeads(name) {
  await page.goto(srv.url + '#/leads')
  await page.click('[data-test="lead-import"]')
  await page.locator('[data-test="import-intro"]').waitFor()
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.click('[data-test="import-pick"]')])
  await chooser.setFiles(path.join(dir, name))
  await page.locator('[data-test="import-file-name"]', { hasText: name }).waitFor()
  await page.locator('[data-test="import-ok"]').waitFor()
}

const leadNames = async () => {
  await page.locator('[data-test="lead-table"]').waitFor()
  return (await page.locator('[data-test="lead-row-name"]').allInnerTexts()).map((s) => s.trim()).sort()
}

test('a lead file from the lead list: previewed, imported, imported again as updates, undone from the history', async () => {
  await chooseLeads('leads.csv')
  assert.equal((await page.locator('[data-test="import-kind"] .is-active').innerText()).trim(), '线索')
  assert.match(await page.locator('.header-title').innerText(), /导入线索/)
  assert.match(await page.locator('[data-test="import-back"]').innerText(), /返回线索/)
  assert.equal(await counts('leads'), '线索：新增 2，更新 0，跳过 0，合并 0')
  assert.match(await page.locator('[data-test="import-lead-key"]').innerText(), /按电话/)
  await page.click('[data-test="import-confirm"]')
  await page.locator('[data-test="import-summary-leads"]').waitFor({ timeout: 20000 })
  assert.equal(await page.locator('[data-test="import-summary-leads"]').innerText(), '线索：新增 2，更新 0，跳过 0，合并 0')
  await page.click('[data-test="import-view-list"]')
  await page.locator('[data-test="lead-row-name"]', { hasText: '官网表单' }).waitFor()
  assert.deepEqual(await leadNames(), ['官网表单', '展会名片'].sort())

  // The second file: 展会名片 found by its phone written otherwise, one new lead.
  await chooseLeads('leads-again.csv')
  assert.equal(await counts('leads'), '线索：新增 1，更新 1，跳过 0，合并 0')
  const actions = await page.locator('[data-test="import-row-action"]').allInnerTexts()
  assert.deepEqual(actions.map((s) => s.trim()), ['更新', '新增'])
  await shot(page, 'imports-leads-preview')
  await page.click('[data-test="import-confirm"]')
  await page.locator('[data-test="import-summary-leads"]').waitFor({ timeout: 20000 })
  await page.click('[data-test="import-view-list"]')
  await page.locator('[data-test="lead-row-name"]', { hasText: '新线索甲' }).waitFor()
  assert.deepEqual(await leadNames(), ['官网表单', '展会回访', '新线索甲'].sort())

  // Undo the second import from the history: 展会回访 is 展会名片 again, 新线索甲 is gone.
  await page.goto(srv.url + '#/imports')
  const row = page.locator('[data-test="imports-table"] .el-table__body tr', { hasText: 'leads-again.csv' })
  assert.match(await row.innerText(), /线索/)
  await row.locator('[data-test="imports-undo"]').click()
  assert.match(await messageBox(page).innerText(), /撤销「leads-again\.csv」的导入：删除它新增的 1 条线索，恢复它更新的 1 条记录。/)
  await messageBox(page).getByRole('button', { name: '撤销导入' }).click()
  await row.locator('[data-test="imports-undone"]').waitFor()
  await page.goto(srv.url + '#/leads')
  await page.locator('[data-test="lead-row-name"]', { hasText: '展会名片' }).waitFor()
  assert.deepEqual(await leadNames(), ['官网表单', '展会名片'].sort())
})

test('the product list has its import button too', async () => {
  await page.goto(srv.url + '#/products')
  await page.click('[data-test="product-import"]')
  await page.locator('[data-test="import-intro"]').waitFor()
  assert.match(page.url(), /#\/import\?kind=products/)
  await page.click('[data-test="import-back"]')
  await page.locator('[data-test="product-import"]').waitFor()
})
