// Pipeline changes between two dates (issue 12): opportunities edited
// through the bound services on different days (the server restarted with
// its clock moved on), then the 分析 screen's 销售漏斗变化 compares the end
// of day A with the end of day B and lists the right opportunities under
// each kind; the opportunity's detail shows its field history.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { launchBrowser, newPage, shot, startServer } from './helpers.mjs'

let srv, browser, page
const ids = {}

async function restart(clock) {
  const db = srv.db
  await srv.stop({ keep: true })
  srv = await startServer({ db, clock })
}

before(async () => {
  srv = await startServer({ clock: '2026-03-01T10:00:00+08:00' })
  const zhang = await srv.call('owner.Service.Create', { name: '张三', active: true })
  const li = await srv.call('owner.Service.Create', { name: '李四', active: true })
  const cust = await srv.call('customer.Service.Create', { name: '华强电子', classification: '', source: '', industry: '', phone: '',
    address: '', ownerId: zhang.id, notes: '', allowDuplicate: false })
  const stages = await srv.call('stage.Service.List')
  const stage = (n) => stages.find((s) => s.name === n).id
  const input = (name, extra = {}) => ({ name, customerId: cust.id, type: '', source: '', ownerId: zhang.id, campaign: '',
    amount: '10000', expectedClose: '2026-04-30', nextStep: '', stageId: stage('初期沟通'), probability: '', description: '',
    lostReason: '', competitor: '', ...extra })
  const create = async (name, extra) => { const o = await srv.call('opportunity.Service.Create', input(name, extra)); ids[name] = o.id; return o }
  const update = async (name, extra) => {
    const d = await srv.call('opportunity.Service.Get', ids[name])
    const o = d.opportunity
    await srv.call('opportunity.Service.Update', ids[name], input(o.name, {
      amount: String(o.amountCents / 100), expectedClose: o.expectedClose, stageId: o.stageId, ownerId: o.ownerId,
      probability: String(o.probabilityBp / 100), ...extra }))
  }
  // Day 1: the pipeline as it was.
  for (const n of ['推进单', '调高单', '推迟单', '赢单单', '不变单', '后改单', '移交单']) await create(n)
  // Day 7, between A (03-05) and B (03-10).
  await restart('2026-03-07T10:00:00+08:00')
  await srv.call('opportunity.Service.ChangeStage', ids['推进单'], { stageId: stage('商务谈判'), lostReason: '', competitor: '', confirmOrders: false })
  await srv.call('opportunity.Service.ChangeStage', ids['赢单单'], { stageId: stage('谈成结束'), lostReason: '', competitor: '', confirmOrders: false })
  await update('调高单', { amount: '25000' })
  await update('推迟单', { expectedClose: '2026-06-30' })
  await srv.call('opportunity.Service.BatchSetOwner', [ids['移交单']], li.id)
  await create('新增单', { amount: '5000' })
  // Day 12, after B: not a change between A and B.
  await restart('2026-03-12T10:00:00+08:00')
  await update('后改单', { amount: '99999' })

  browser = await launchBrowser()
  page = await newPage(browser)
  await page.goto(srv.url + '#/analysis?tab=changes')
})

after(async () => {
  await browser?.close()
  await srv?.stop()
})

const group = (kind) => page.locator(`[data-test="changes-group-${kind}"]`)
const names = async (kind) => (await group(kind).locator('[data-test="changes-item"]').allInnerTexts()).sort()

test('the changes between the end of 03-05 and of 03-10 list the right opportunities', async () => {
  const dates = page.locator('[data-test="changes-filters"] .date-range input')
  await dates.nth(0).fill('2026-03-05')
  await dates.nth(1).fill('2026-03-10')
  await dates.nth(1).press('Enter')
  await group('new').waitFor()
  assert.deepEqual(await names('new'), ['新增单'])
  assert.deepEqual(await names('forward'), ['推进单'])
  assert.deepEqual(await names('won'), ['赢单单'])
  assert.deepEqual(await names('raised'), ['调高单'])
  assert.deepEqual(await names('pushedOut'), ['推迟单'])
  assert.deepEqual(await names('reassigned'), ['移交单'])
  for (const kind of ['back', 'lost', 'lowered', 'pulledIn']) assert.equal(await group(kind).count(), 0, kind)
  const all = await page.locator('[data-test="changes-item"]').allInnerTexts()
  assert.ok(!all.includes('不变单') && !all.includes('后改单'), `unchanged or changed after B listed: ${all}`)
  // The funnel: 7 at A, 8 at B; the total amount grew by 新增单 and 调高单.
  // The total's three rows: A (with the rowspan name cell), B, B − A.
  const total = page.locator('[data-test="changes-funnel"] .total-row')
  const cellsA = await total.nth(0).locator('td').allInnerTexts()
  const cellsB = await total.nth(1).locator('td').allInnerTexts()
  const cellsD = await total.nth(2).locator('td').allInnerTexts()
  assert.equal(cellsA[2].trim(), '7')
  assert.equal(cellsB[1].trim(), '8')
  assert.equal(cellsD[1].trim(), '+1')
  assert.match(cellsD[2], /\+¥20,000\.00/)
  assert.match(await page.locator('[data-test="changes-rules"]').innerText(), /字段历史自 \d{4}-\d{2}-\d{2} 起记录/)
  await page.locator('[data-test="changes-chart"]').waitFor()
  await shot(page, 'changes-a-b')
})

test('a day A without a day B is refused naming the field', async () => {
  const dates = page.locator('[data-test="changes-filters"] .date-range input')
  await dates.nth(1).fill('')
  await dates.nth(1).press('Enter')
  await page.locator('[data-test="changes-error"]', { hasText: '请填写结束日期' }).waitFor()
  await dates.nth(1).fill('2026-03-10')
  await dates.nth(1).press('Enter')
  await group('new').waitFor()
})

test('clicking a listed opportunity opens it', async () => {
  await group('raised').locator('[data-test="changes-item"]', { hasText: '调高单' }).click()
  const detail = page.locator('[data-test="opp-detail"]')
  await detail.locator('[data-test="opp-detail-name"]', { hasText: '调高单' }).waitFor()
  await page.keyboard.press('Escape')
  await detail.waitFor({ state: 'hidden' })
})

test('the opportunity shows its field history: when, before, after', async () => {
  const h = await srv.call('changes.Service.FieldHistory', ids['调高单'])
  assert.equal(h.length, 1)
  assert.equal(h[0].field, 'amount')
  assert.equal(h[0].old, 1000000)
  assert.equal(h[0].new, 2500000)
  assert.ok(h[0].changedAt.startsWith('2026-03-07'))
  await page.click('[data-test="nav-opportunities"]')
  await page.locator('[data-test="opp-row-name"]', { hasText: '移交单' }).click()
  const hist = page.locator('[data-test="opp-detail"] [data-test="opp-field-history"]')
  await hist.locator('[data-test="opp-field-history-field"]').first().waitFor()
  assert.deepEqual(await hist.locator('[data-test="opp-field-history-field"]').allInnerTexts(), ['负责人'])
  assert.deepEqual(await hist.locator('[data-test="opp-field-history-new"]').allInnerTexts(), ['李四'])
  assert.match(await hist.innerText(), /张三[\s\S]*李四/)
  await shot(page, 'changes-field-history')
})
