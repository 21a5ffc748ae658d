// 销售目标 through the UI against the real backend with a fixed clock: a
// team's year target set and split into months, split down to its members
// with the difference warning while the members' sum differs, a bad figure
// refused next to its field, and the achievement moving when one of the
// members' opportunities is won.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { launchBrowser, newPage, shot, startServer } from './helpers.mjs'

let srv, browser, page
let teamId, zhang, li, opp

before(async () => {
  srv = await startServer({ clock: '2026-03-15T10:00:00+08:00' })
  browser = await launchBrowser()
  page = await newPage(browser)
  zhang = await srv.call('owner.Service.Create', { name: '张三', active: true })
  li = await srv.call('owner.Service.Create', { name: '李四', active: true })
  const tree = await srv.call('team.Service.List')
  const root = tree.teams.find((t) => !t.parentId)
  const team = await srv.call('team.Service.Save', 0, { name: '华南', parentId: root.id, managerId: 0 })
  teamId = team.id
  await srv.call('team.Service.SetMember', zhang.id, teamId)
  await srv.call('team.Service.SetMember', li.id, teamId)
  const cust = await srv.call('customer.Service.Create', { name: '大商股份', classification: '', source: '', industry: '', phone: '',
    address: '', ownerId: zhang.id, notes: '' })
  const stages = await srv.call('stage.Service.List')
  opp = await srv.call('opportunity.Service.Create', { name: 'ERP 项目', customerId: cust.id, type: '', source: '', ownerId: zhang.id,
    campaign: '', amount: '5000', expectedClose: '2026-03-31', nextStep: '', stageId: stages.find((s) => s.kind === 'open').id,
    probability: '', description: '', lostReason: '', competitor: '' })
  await page.goto(srv.url + '#/targets')
  await page.locator('[data-test="targets-grid"]').waitFor()
})

after(async () => {
  await browser?.close()
  await srv?.stop()
})

async function rowAction(scope, id, action) {
  await page.click(`[data-test="actions-${scope}-${id}"]`)
  await page.locator(`.el-dropdown-menu:visible [data-test="${action}"]`).click()
}

test('a team target is entered as a year figure and split into months', async () => {
  await page.locator('[data-test="targets-year"] input').fill('2026')
  await page.locator('[data-test="targets-year"] input').blur()
  await rowAction('team', teamId, 'act-split')
  const dlg = page.locator('[data-test="split-dialog"]')
  await dlg.waitFor({ state: 'visible' })
  // A negative figure is refused next to its field and saves nothing.
  await page.fill('[data-test="split-total"]', '-5')
  await page.click('[data-test="split-save"]')
  await dlg.locator('.el-form-item__error', { hasText: '全年目标' }).waitFor()
  const g0 = await srv.call('target.Service.Grid', { year: 2026, dimension: 'won_amount' })
  assert.equal(g0.rows.find((r) => r.scope === 'team' && r.scopeId === teamId).set, false)

  await page.fill('[data-test="split-total"]', '120000')
  await page.click('[data-test="split-save"]')
  await dlg.waitFor({ state: 'hidden' })
  await page.locator(`[data-test="year-team-${teamId}"]`, { hasText: '¥120,000.00' }).waitFor()
  await page.locator(`[data-test="q1-team-${teamId}"]`, { hasText: "¥30,000.00" }).waitFor()
  // The months are under the row.
  await page.locator(`tr:has([data-test="holder-team-${teamId}"]) .el-table__expand-icon`).click()
  await page.locator(`[data-test="m1-team-${teamId}"]`, { hasText: "¥10,000.00" }).waitFor()
  // Nobody's target yet: the members are 120,000 short.
  await page.locator(`[data-test="members-diff-${teamId}"]`, { hasText: '-¥120,000.00' }).waitFor()
})

test('split to members warns by how much the members differ from the team', async () => {
  await rowAction('team', teamId, 'act-members')
  const dlg = page.locator('[data-test="members-dialog"]')
  await dlg.waitFor({ state: 'visible' })
  await page.fill(`[data-test="member-total-${zhang.id}"]`, '50000')
  await page.fill(`[data-test="member-total-${li.id}"]`, '60000')
  await dlg.locator('[data-test="members-diff"]', { hasText: '-¥10,000.00' }).waitFor()
  await shot(page, 'targets-members-diff')
  // Saved anyway (a warning, not a refusal); the dialog stays with the warning.
  await page.click('[data-test="members-save"]')
  await page.locator(`[data-test="year-owner-${zhang.id}"]`, { hasText: '¥50,000.00' }).waitFor()
  await dlg.locator('[data-test="members-diff"]', { hasText: '-¥10,000.00' }).waitFor()
  const g = await srv.call('target.Service.Grid', { year: 2026, dimension: 'won_amount' })
  assert.equal(g.rows.find((r) => r.scope === 'owner' && r.scopeId === zhang.id).year, 5000000)
  assert.equal(g.rows.find((r) => r.scope === 'team' && r.scopeId === teamId).membersDiff, -1000000)
  await page.locator(`[data-test="members-diff-${teamId}"]`, { hasText: '-¥10,000.00' }).waitFor()

  // Filled evenly from the team's figure: no difference, and the dialog closes.
  await page.click('[data-test="members-even"]')
  await dlg.locator('[data-test="members-diff-ok"]').waitFor()
  await page.click('[data-test="members-save"]')
  await dlg.waitFor({ state: 'hidden' })
  await page.locator(`[data-test="year-owner-${zhang.id}"]`, { hasText: '¥60,000.00' }).waitFor()
  assert.equal(await page.locator(`[data-test="members-diff-${teamId}"]`).count(), 0)
})

test('achievement moves when an opportunity is won', async () => {
  await page.click('#tab-achievement')
  const frame = page.locator('[data-test="achievement"]')
  await frame.locator(`[data-test="actual-owner-${zhang.id}"]`, { hasText: '¥0.00' }).waitFor()
  await frame.locator('[data-test="achievement-rules"]', { hasText: '赢单阶段' }).waitFor()
  assert.equal(await page.locator('[data-test="achievement-chart"]').count(), 1)

  await srv.call('opportunity.Service.MarkWon', opp.id, 0) // 0: the type's first won outcome
  // Asked again (another grouping and back).
  await page.click('[data-test="by-company"]')
  await page.click('[data-test="by-owner"]')
  await frame.locator(`[data-test="actual-owner-${zhang.id}"]`, { hasText: '¥5,000.00' }).waitFor()
  // The company has no target of its own; 张三's year target is 60,000: 8.33 %.
  const a = await srv.call('target.Service.Achievement', { filters: { from: '2026-01-01', to: '2026-12-31', ownerIds: [], teamId: 0, type: '', source: '' },
    dimension: 'won_amount', by: 'owner' })
  const z = a.rows.find((r) => r.scopeId === zhang.id)
  assert.equal(z.actual, 500000)
  assert.equal(z.target, 6000000)
  assert.equal(z.rateBp, 833)
  assert.equal(a.elapsedDays, 74)
  await frame.locator('[data-test="achievement-ranking"] .el-table__row').first().getByText('张三').waitFor()
  await shot(page, 'targets-achievement')

  // By team: 华南 against its own target.
  await page.click('[data-test="by-team"]')
  await frame.locator(`[data-test="actual-team-${teamId}"]`, { hasText: '¥5,000.00' }).waitFor()
})

test('the forecast lists the months ahead', async () => {
  await page.click('#tab-forecast')
  const table = page.locator('[data-test="forecast-table"]')
  await table.getByText('2026-03').waitFor()
  await table.getByText('2027-02').waitFor()
  assert.deepEqual(page.errors, [])
})
