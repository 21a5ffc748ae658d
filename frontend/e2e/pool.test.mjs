// The public pool (公海池) through the UI against the real backend with a
// fixed clock: a pool and its recycle rule made on the settings screen,
// claims until the daily limit refuses with its message, a restart with the
// clock moved past the rule's days recycles the claimed customers at start
// and their flow history names the rule, and creating a customer that
// duplicates a pooled one is refused with an offer to claim it.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { rmSync } from 'node:fs'
import path from 'node:path'
import { answerDemo, launchBrowser, newPage, pickOption, shot, startServer } from './helpers.mjs'

let srv, browser, page, firstDir
let poolId = 0

before(async () => {
  srv = await startServer({ clock: '2026-12-01T10:00:00+08:00' })
  firstDir = path.dirname(srv.db)
  browser = await launchBrowser()
  page = await newPage(browser)
  await srv.call('owner.Service.Create', { name: '张三', active: true })
  await srv.call('owner.Service.Create', { name: '李四', active: true })
  await page.goto(srv.url)
  await answerDemo(page, 'decline')
})

after(async () => {
  await browser?.close()
  await srv?.stop()
  if (firstDir) rmSync(firstDir, { recursive: true, force: true })
})

function row(name) {
  return page.locator('[data-test="pool-table"] .el-table__row', { hasText: name })
}

test('a pool with a daily limit and a recycle rule is made on the settings screen', async () => {
  await page.click('[data-test="nav-pool"]')
  await page.locator('[data-test="pool-tabs"]').getByText('企业公海').waitFor()
  await page.click('[data-test="pool-new"]')
  const dlg = page.locator('[data-test="pool-settings-dialog"]')
  await dlg.waitFor({ state: 'visible' })
  await page.fill('[data-test="pool-form-name"]', '华南公海')
  await page.fill('[data-test="pool-form-daily"] input', '2')
  await page.fill('[data-test="pool-form-reclaim"] input', '5')
  await page.click('[data-test="rule-add"]')
  const days = dlg.locator('[data-test="rule-noFollowUpDays"] input').first()
  await days.fill('10')
  await days.blur()
  await shot(page, 'pool-settings')
  await page.click('[data-test="pool-form-save"]')
  await dlg.waitFor({ state: 'hidden' })
  const ov = await srv.call('pool.Service.Overview')
  const p = ov.pools.find((x) => x.name === '华南公海')
  assert.ok(p, 'the pool was saved')
  assert.equal(p.dailyLimit, 2)
  assert.equal(p.reclaimDays, 5)
  poolId = p.id
  const s = await srv.call('pool.Service.Get', poolId)
  assert.equal(s.rules.length, 1)
  assert.equal(s.rules[0].level, 'A')
  assert.equal(s.rules[0].noFollowUpDays, 10)
})

test('claims stop at the daily limit with a message naming the person and the limit', async () => {
  for (const name of ['甲客户', '乙客户', '丙客户']) {
    await srv.call('customer.Service.Create', {
      name, classification: '', source: '展会', industry: '', phone: '', address: '', ownerId: 0, notes: '', level: 'A',
      poolId, allowDuplicate: false,
    })
  }
  // Made behind the screen's back: open the screen afresh.
  await page.reload()
  await page.click('[data-test="nav-pool"]')
  await page.click('[data-test="pool-tab-华南公海"]')
  await row('甲客户').waitFor()
  assert.match(await page.locator('[data-test="pool-tab-华南公海"]').innerText(), /3/)
  for (const name of ['甲客户', '乙客户']) {
    await row(name).locator('.el-checkbox').click()
    await page.click('[data-test="pool-claim"]')
    const dlg = page.locator('[data-test="pool-action-dialog"]')
    await dlg.waitFor({ state: 'visible' })
    await pickOption(page, dlg.locator('[data-test="pool-action-owner"]'), '张三')
    await page.click('[data-test="pool-action-ok"]')
    await dlg.waitFor({ state: 'hidden' })
    await row(name).waitFor({ state: 'detached' })
  }
  await row('丙客户').locator('.el-checkbox').click()
  await page.click('[data-test="pool-claim"]')
  const dlg = page.locator('[data-test="pool-action-dialog"]')
  await pickOption(page, dlg.locator('[data-test="pool-action-owner"]'), '张三')
  await page.click('[data-test="pool-action-ok"]')
  const err = page.locator('[data-test="pool-action-error"]')
  await err.waitFor()
  assert.match(await err.innerText(), /张三今日已领用 2 个（上限 2）/)
  await shot(page, 'pool-claim-limit')
  await page.keyboard.press('Escape')
  const c = await srv.call('pool.Service.Customers', { poolId, voided: false, query: '', level: '', source: '', industry: '', region: '',
    reason: '', noFollowUpDays: 0, inPoolDays: 0, sort: '', desc: false, page: 1, pageSize: 20 })
  assert.equal(c.total, 1, 'the refused claim left 丙客户 in the pool')
})

test('past the rule\'s days the restarted app recycles the customers and the history names the rule', async () => {
  const db = srv.db
  await srv.stop({ keep: true })
  // 12 days on: no follow-up since the claim on 12-01, due on 12-11.
  srv = await startServer({ db, clock: '2026-12-13T10:00:00+08:00' })
  await page.goto(srv.url)
  await page.click('[data-test="nav-pool"]')
  await page.click('[data-test="pool-tab-华南公海"]')
  await row('甲客户').waitFor()
  assert.match(await page.locator('[data-test="pool-tab-华南公海"]').innerText(), /3/)
  assert.match(await row('甲客户').innerText(), /A：10 天未跟进/)
  await row('甲客户').locator('[data-test="pool-row-name"]').click()
  const hist = page.locator('[data-test="flow-history"]')
  await hist.waitFor({ state: 'visible' })
  const actions = await hist.locator('[data-test="flow-action"]').allInnerTexts()
  assert.deepEqual(actions, ['创建', '领用', '自动回收'])
  assert.match(await hist.locator('[data-test="flow-why"]').last().innerText(), /A：10 天未跟进/)
  await shot(page, 'pool-flow-history')
  await page.keyboard.press('Escape')
  await hist.waitFor({ state: 'hidden' })
  // The reclaim bar keeps 张三 from claiming it back for 5 days.
  await row('甲客户').locator('.el-checkbox').click()
  await page.click('[data-test="pool-claim"]')
  const dlg = page.locator('[data-test="pool-action-dialog"]')
  await pickOption(page, dlg.locator('[data-test="pool-action-owner"]'), '张三')
  await page.click('[data-test="pool-action-ok"]')
  const err = page.locator('[data-test="pool-action-error"]')
  await err.waitFor()
  assert.match(await err.innerText(), /张三 5 天内不能再领用此客户（2026-12-13 被回收）/)
  await page.keyboard.press('Escape')
})

test('a new customer duplicating a pooled one is refused, with an offer to claim it', async () => {
  await page.click('[data-test="nav-customers"]')
  await page.click('[data-test="customer-new"]')
  const form = page.locator('[data-test="customer-form"]')
  await form.waitFor({ state: 'visible' })
  await page.fill('[data-test="customer-name"]', '丙客户有限公司')
  await page.click('[data-test="customer-save"]')
  const dlg = page.locator('[data-test="dupe-dialog"]')
  await dlg.waitFor({ state: 'visible' })
  assert.match(await dlg.locator('[data-test="dupe-message"]').innerText(), /「丙客户」已在公海「华南公海」中/)
  assert.equal(await dlg.locator('[data-test="dupe-save-anyway"]').count(), 0, 'no way to save a duplicate of a pooled customer')
  await shot(page, 'pool-duplicate')
  await pickOption(page, dlg.locator('[data-test="dupe-claimant"]'), '李四')
  await dlg.locator('[data-test="dupe-claim"]').click()
  await dlg.waitFor({ state: 'hidden' })
  const hist = await srv.call('pool.Service.History',
    (await srv.call('customer.Service.List', { query: '丙客户', classification: '', ownerId: 0, page: 1, pageSize: 5 })).items[0].id)
  assert.equal(hist.at(-1).action, 'claim')
  assert.equal(hist.at(-1).forName, '李四')
})

test('an owned customer is returned from its detail with a reason, and its history shows it', async () => {
  await page.locator('[data-test="customer-row-name"]', { hasText: '丙客户' }).first().click()
  const detail = page.locator('[data-test="customer-detail"]')
  await detail.waitFor({ state: 'visible' })
  await detail.locator('[data-test="customer-return"]').click()
  const dlg = page.locator('[data-test="customer-return-dialog"]')
  await dlg.waitFor({ state: 'visible' })
  // No reason: refused next to the field, nothing moves.
  await page.click('[data-test="customer-return-ok"]')
  await dlg.getByText('请填写原因').waitFor()
  await page.fill('[data-test="customer-return-reason"]', '客户暂无预算')
  await page.click('[data-test="customer-return-ok"]')
  await dlg.waitFor({ state: 'hidden' })
  await detail.locator('[data-test="customer-pool-status"]').getByText('在公海「华南公海」中').waitFor()
  await detail.locator('[data-test="customer-history"]').click()
  const hist = page.locator('[data-test="flow-history"]:visible')
  await hist.waitFor({ state: 'visible' })
  assert.deepEqual(await hist.locator('[data-test="flow-action"]').allInnerTexts(), ['创建', '领用', '退回'])
  assert.match(await hist.locator('[data-test="flow-why"]').last().innerText(), /客户暂无预算/)
})
