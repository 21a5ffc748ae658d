// Several closed outcomes and remembered list columns, through the UI on the
// example data: a second lost outcome made in Settings, an opportunity closed
// with it from the stage view's lost dialog, the outcome as its own funnel
// row; then list columns picked in the opportunity list's chooser and still
// there after a reload.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { launchBrowser, newPage, pickOption, shot, startServer } from './helpers.mjs'

let srv, browser, page

before(async () => {
  srv = await startServer({ demo: true })
  browser = await launchBrowser()
  page = await newPage(browser)
})

after(async () => {
  await browser?.close()
  await srv?.stop()
})

const column = (stage) => page.locator(`[data-test="board-column"][data-stage="${stage}"]`)
const funnelRow = (stage) => page.locator(`[data-test="funnel-row"][data-stage="${stage}"]`)
const headers = () => page.locator('[data-test="opp-table"] thead th').allInnerTexts().then((a) => a.map((s) => s.trim()).filter(Boolean))

test('a second lost outcome is made in Settings', async () => {
  await page.goto(srv.url + '#/settings')
  await page.locator('[data-test="stages-table"]').waitFor()
  await page.click('[data-test="stage-add"]')
  const dlg = page.locator('[data-test="stage-dialog"]')
  await dlg.waitFor({ state: 'visible' })
  await page.click('[data-test="stage-kind-lost"]')
  assert.equal(await page.inputValue('[data-test="stage-probability"]'), '0')
  await page.fill('[data-test="stage-name"]', '因竞争丢单')
  await page.click('[data-test="stage-save"]')
  await dlg.waitFor({ state: 'hidden' })
  const row = page.locator('[data-test="stages-table"] .el-table__row', { hasText: '因竞争丢单' })
  await row.waitFor()
  assert.match(await row.innerText(), /失败/)
  await shot(page, 'stagesets-settings')
  const stages = await srv.call('stage.Service.List')
  assert.deepEqual(stages.filter((s) => s.kind === 'lost').map((s) => s.name), ['未成结束', '因竞争丢单'])
})

test('the lost dialog lets the user pick the outcome; the funnel shows it as its own row', async () => {
  await page.goto(srv.url + '#/opportunities?mode=board')
  await column('因竞争丢单').waitFor()
  const card = column('初期沟通').locator('[data-test="board-card"]', { hasText: '大商股份' })
  await card.dragTo(column('未成结束').locator('.cards'))
  const dlg = page.locator('[data-test="lost-dialog"]')
  await dlg.waitFor({ state: 'visible' })
  await pickOption(page, dlg.locator('[data-test="lost-outcome"]'), '因竞争丢单')
  await page.fill('[data-test="lost-reason"]', '对手价格更低')
  await shot(page, 'stagesets-lost-dialog')
  await page.click('[data-test="lost-ok"]')
  await dlg.waitFor({ state: 'hidden' })
  await column('因竞争丢单').locator('[data-test="board-card"]', { hasText: '大商股份' }).waitFor()
  assert.equal(await column('未成结束').locator('[data-test="board-card"]').count(), 0)

  await page.goto(srv.url + '#/funnel')
  await funnelRow('因竞争丢单').waitFor()
  const cells = async (stage) => (await funnelRow(stage).locator('td').allInnerTexts()).map((s) => s.trim())
  await page.waitForFunction(() => document.querySelector('[data-test="funnel-row"][data-stage="因竞争丢单"] td:nth-child(2)')?.textContent.trim() === '1')
  assert.equal((await cells('因竞争丢单'))[1], '1')
  assert.equal((await cells('未成结束'))[1], '0')
  assert.equal((await cells('初期沟通'))[1], '0')
  await shot(page, 'stagesets-funnel')
})

test('list columns picked in the chooser are remembered after a reload', async () => {
  await page.goto(srv.url + '#/opportunities')
  await page.locator('[data-test="opp-table"]').waitFor()
  assert.ok(!(await headers()).includes('优先级'), 'priority is not a default column')
  assert.ok((await headers()).includes('客户名称'))
  await page.click('[data-test="opp-columns"]')
  const panel = page.locator('[data-test="opp-columns-panel"]')
  await panel.waitFor({ state: 'visible' })
  await panel.locator('[data-test="column-priority"]').click()
  await panel.locator('[data-test="column-customer"]').click()
  await shot(page, 'stagesets-columns-panel')
  await page.waitForFunction(() => [...document.querySelectorAll('[data-test="opp-table"] thead th')].some((th) => th.textContent.trim() === '优先级'))
  assert.ok(!(await headers()).includes('客户名称'))
  await shot(page, 'stagesets-columns')

  await page.reload()
  await page.locator('[data-test="opp-table"]').waitFor()
  await page.waitForFunction(() => [...document.querySelectorAll('[data-test="opp-table"] thead th')].some((th) => th.textContent.trim() === '优先级'))
  const after = await headers()
  assert.ok(after.includes('优先级'), 'priority stays after the reload')
  assert.ok(!after.includes('客户名称'), 'the hidden customer column stays hidden')
  const saved = await srv.call('settings.Service.ListColumns', 'opportunities')
  assert.ok(saved.includes('priority') && !saved.includes('customer'), JSON.stringify(saved))
  assert.deepEqual(page.errors, [])
})

test('a stage set for a type: its stage shows in the funnel, which says what "all types" combines', async () => {
  await page.goto(srv.url + '#/settings')
  await page.locator('[data-test="stage-sets-panel"]').waitFor()
  await page.click('[data-test="stage-set-add"]')
  const dlg = page.locator('[data-test="stage-set-dialog"]')
  await dlg.waitFor({ state: 'visible' })
  await page.fill('[data-test="stage-set-name"]', '项目型阶段')
  await pickOption(page, dlg.locator('[data-test="stage-set-types"]'), '新业务')
  await page.keyboard.press('Escape') // close the multi-select's list, not the dialog
  await page.click('[data-test="stage-set-save"]')
  await dlg.waitFor({ state: 'hidden' })
  await page.locator('[data-test="stage-sets-table"] .el-table__row', { hasText: '项目型阶段' }).waitFor()

  await page.click('[data-test="stage-add"]')
  const sd = page.locator('[data-test="stage-dialog"]')
  await sd.waitFor({ state: 'visible' })
  await page.fill('[data-test="stage-name"]', '招投标')
  await page.fill('[data-test="stage-probability"]', '55')
  await pickOption(page, sd.locator('[data-test="stage-set"]'), '项目型阶段')
  await page.click('[data-test="stage-save"]')
  await sd.waitFor({ state: 'hidden' })
  await page.locator('[data-test="stages-table"] .el-table__row', { hasText: '招投标' }).locator('[data-test="stage-set-tag"]').waitFor()

  // A type-less example opportunity may not enter the set's stage.
  const opps = await srv.call('opportunity.Service.List', { filter: { view: '', stageIds: [], ownerIds: [], sources: [], types: [], customerId: 0,
    closeFrom: '', closeTo: '', stageSetId: 0, createdFrom: '', createdTo: '', closedFrom: '', closedTo: '', query: '', sort: '', desc: false }, page: 1, pageSize: 10 })
  const stageId = (await srv.call('stage.Service.List')).find((s) => s.name === '招投标').id
  await assert.rejects(srv.call('opportunity.Service.ChangeStage', opps.items[0].id, { stageId, lostReason: '', competitor: '', confirmOrders: false }), /不属于类型/)

  await page.goto(srv.url + '#/funnel')
  await funnelRow('招投标').waitFor()
  const note = page.locator('[data-test="funnel-set-note"]')
  assert.match(await note.innerText(), /全部类型.*项目型阶段/)
  // 当前筛选 names the set counted, "all types" before one is chosen.
  const inForceSet = page.locator('[data-test="in-force-stage-set"]')
  assert.match(await inForceSet.innerText(), /阶段组：\s*全部类型/)
  await pickOption(page, page.locator('[data-test="funnel-stage-set"]'), '项目型阶段')
  await page.waitForFunction(() => /阶段组「项目型阶段」/.test(document.querySelector('[data-test="funnel-set-note"]')?.textContent ?? ''))
  assert.match(await note.innerText(), /新业务/)
  await page.waitForFunction(() => /项目型阶段/.test(document.querySelector('[data-test="in-force-stage-set"]')?.textContent ?? ''))
  assert.match(await page.locator('[data-test="funnel-total"]').innerText(), /\b0\b/)
  await shot(page, 'stagesets-funnel-set')
  assert.deepEqual(page.errors, [])
})

test('with two won outcomes, the "mark won after an order" question lets the user pick one', async () => {
  await srv.call('stage.Service.Create', { name: '部分成交', probability: '100', after: 0, kind: 'won', setId: 0 })
  const [owner] = await srv.call('owner.Service.List', false)
  await srv.call('product.Service.Create', { code: 'P-WIN', name: '赢单测试产品', unit: '台', price: '100', ownerId: owner.id })
  const open = (await srv.call('stage.Service.List')).find((s) => s.name === '初期沟通').id
  const cust = await srv.call('customer.Service.Create', { name: '赢单结果测试客户', classification: '', source: '', industry: '', phone: '',
    address: '', ownerId: owner.id, notes: '', allowDuplicate: false })
  await srv.call('opportunity.Service.Create', { name: '结果可选的机会', customerId: cust.id, type: '', source: '', ownerId: owner.id,
    campaign: '', amount: '100', expectedClose: '', nextStep: '', stageId: open, probability: '', description: '', lostReason: '', competitor: '' })
  await page.goto(srv.url + '#/opportunities')
  await page.reload()
  await page.locator('[data-test="opp-row-name"]', { hasText: '结果可选的机会' }).click()
  const detail = page.locator('[data-test="opp-detail"]')
  await detail.locator('[data-test="opp-new-order"]').click()
  const form = page.locator('[data-test="order-form"]:visible')
  await form.waitFor({ state: 'visible' })
  await form.locator('[data-test="lines-table"] .el-table__body tr').first().locator('[data-test="line-product"]').click()
  await page.keyboard.type('P-WIN')
  await page.locator('.el-select-dropdown:visible .el-select-dropdown__item', { hasText: 'P-WIN' }).first().click()
  await form.locator('[data-test="order-save"]').click()
  await form.waitFor({ state: 'hidden' })
  const ask = page.locator('.el-message-box', { hasText: '请选择赢单结果' })
  await ask.waitFor()
  const choices = await ask.locator('[data-test="order-win-outcome"]').allInnerTexts()
  assert.deepEqual(choices.map((s) => s.trim()), ['谈成结束', '部分成交'])
  await ask.locator('[data-test="order-win-outcome"]', { hasText: '部分成交' }).click()
  await shot(page, 'stagesets-win-outcome')
  await ask.getByRole('button', { name: '标为赢单' }).click()
  await page.getByText('销售机会「结果可选的机会」已标为赢单（部分成交）').waitFor()
  const opp = (await srv.call('opportunity.Service.List', { filter: { query: '结果可选' }, page: 1, pageSize: 10 })).items[0]
  assert.equal(opp.stageName, '部分成交')
  assert.deepEqual(page.errors, [])
})
