// Every main screen fits 1024×700 and 1280×820, in Chinese and English, on
// the demo data and on a database of 13-digit amounts and long names: no text
// is clipped by its box (unless truncation is intended: an ellipsis with a
// tooltip or title), no two runs of text overlap (a fixed table column over
// another column, a count run into an amount), table headers stay on one
// line, and tables do not need sideways scrolling. Screenshots of each screen
// go to $FUNNELDESK_SHOTS/layout-*.png to be looked at.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { launchBrowser, newPage, shot, startServer } from './helpers.mjs'

const sizes = [{ width: 1024, height: 700 }, { width: 1280, height: 820 }]
const langs = ['zh-CN', 'en']
const screens = [
  { name: 'dashboard', route: '/' },
  { name: 'leads', route: '/leads' },
  { name: 'lead-report', route: '/leads', click: '[data-test="lead-tab-report"]' },
  { name: 'customers', route: '/customers' },
  { name: 'pool', route: '/pool' },
  { name: 'opportunities', route: '/opportunities' },
  { name: 'board', route: '/opportunities', board: true },
  { name: 'tasks', route: '/tasks' },
  { name: 'funnel', route: '/funnel' },
  { name: 'targets', route: '/targets' },
  { name: 'targets-achievement', route: '/targets', click: '#tab-achievement' },
  { name: 'targets-forecast', route: '/targets', click: '#tab-forecast' },
  { name: 'analysis-groups', route: '/analysis?tab=groups' },
  { name: 'analysis-conversion', route: '/analysis?tab=conversion' },
  { name: 'analysis-stagetime', route: '/analysis?tab=stageTime' },
  { name: 'products', route: '/products' },
  { name: 'quotes', route: '/quotes' },
  { name: 'orders', route: '/orders' },
  { name: 'receipts', route: '/receipts' },
  { name: 'invoices', route: '/invoices' },
  { name: 'reports', route: '/reports' },
  { name: 'import', route: '/import' },
  { name: 'recycle', route: '/recycle' },
  { name: 'oplog', route: '/oplog' },
  { name: 'settings', route: '/settings' },
  { name: 'analysis-changes', route: '/analysis?tab=changes' },
]

/**
 * layoutProblems runs in the page and lists what does not fit: it measures
 * the painted extent of every visible run of text (a Range over the text
 * node), so text that spills out of its box is seen even when the box is not.
 */
function layoutProblems() {
  const problems = []
  const vw = document.documentElement.clientWidth
  const short = (s) => s.trim().replace(/\s+/g, ' ').slice(0, 40)
  const runs = []
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (!n.textContent.trim()) continue
    const el = n.parentElement
    if (!el || !el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue
    if (el.closest('.el-popper, .el-overlay, .el-loading-mask, [aria-hidden="true"], .print-only, svg, style, script')) continue
    const range = document.createRange()
    range.selectNodeContents(n)
    const rects = [...range.getClientRects()].filter((r) => r.width > 0.5 && r.height > 0.5)
    if (!rects.length) continue
    const r = range.getBoundingClientRect()
    runs.push({ el, text: short(n.textContent), r, lines: new Set(rects.map((x) => Math.round(x.top))).size })
  }

  const clipper = (el) => {
    // The nearest ancestor that hides what overflows it, and whether the
    // truncation there is intended (an ellipsis the user can read in full).
    for (let a = el; a && a !== document.body; a = a.parentElement) {
      const cs = getComputedStyle(a)
      if (cs.overflowX === 'hidden' || cs.overflowX === 'clip' || cs.overflowY === 'hidden' || cs.overflowY === 'clip') {
        const intended = cs.textOverflow === 'ellipsis' &&
          (a.classList.contains('el-tooltip') || a.hasAttribute('title') || !!a.closest('.el-select, .el-input, .el-tag, [title]'))
        return { box: a.getBoundingClientRect(), intended }
      }
    }
    return null
  }

  for (const run of runs) {
    const c = clipper(run.el)
    if (c && !c.intended) {
      const { box } = c
      if (run.r.left < box.left - 1 || run.r.right > box.right + 1 || run.r.top < box.top - 2 || run.r.bottom > box.bottom + 2) {
        // Text scrolled out of a scrolling area is not clipped, only hidden.
        if (run.r.right > box.left && run.r.left < box.right && run.r.bottom > box.top && run.r.top < box.bottom) {
          problems.push(`clipped: "${run.text}" (${Math.round(run.r.width)}px in ${Math.round(box.width)}px)`)
        }
      }
    }
    if (run.lines > 1 && run.el.closest('th')) problems.push(`header wraps: "${run.text}"`)
    if (run.lines > 1 && run.el.closest('.money:not(.breakable)')) problems.push(`amount wraps: "${run.text}"`)
  }

  // Overlap: text runs of different elements that paint over each other.
  // A run inside a scrolling area is compared only where that area shows it.
  const shown = (run) => {
    let { left, right, top, bottom } = run.r
    for (let a = run.el; a && a !== document.body; a = a.parentElement) {
      const cs = getComputedStyle(a)
      if (cs.overflowX !== 'visible' || cs.overflowY !== 'visible') {
        const b = a.getBoundingClientRect()
        left = Math.max(left, b.left); right = Math.min(right, b.right)
        top = Math.max(top, b.top); bottom = Math.min(bottom, b.bottom)
      }
    }
    return { left, right, top, bottom }
  }
  const boxes = runs.map((run) => ({ run, b: shown(run) })).filter(({ b }) => b.right - b.left > 1 && b.bottom - b.top > 1)
  // Off-screen: painted text past the window's right edge (not text a scrolling area hides).
  for (const { run, b } of boxes) {
    if (b.right > vw + 1) problems.push(`off-screen: "${run.text}" ends at ${Math.round(b.right)} > ${vw}`)
  }
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i].b
      const b = boxes[j].b
      const w = Math.min(a.right, b.right) - Math.max(a.left, b.left)
      const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top)
      if (w > 2 && h > 3 && boxes[i].run.el !== boxes[j].run.el) {
        problems.push(`overlap: "${boxes[i].run.text}" and "${boxes[j].run.text}"`)
      }
    }
  }

  // Tables fit their width: nothing sits beyond the right edge or under a fixed column.
  for (const wrap of document.querySelectorAll('.el-table__body-wrapper .el-scrollbar__wrap')) {
    if (!wrap.checkVisibility()) continue
    if (wrap.scrollWidth > wrap.clientWidth + 1) {
      const head = wrap.closest('.el-table')?.querySelector('th')?.textContent ?? ''
      problems.push(`table scrolls sideways (${wrap.scrollWidth} > ${wrap.clientWidth}), first column "${short(head)}"`)
    }
  }
  // Thousands separators: a run of five or more digits is an ungrouped number.
  for (const run of runs) {
    if (run.el.closest('input, textarea, .el-pagination, [data-ungrouped]')) continue
    if (/(^|[^\d.\-:/])\d{5,}(?![\d-])/.test(run.text) && !/^\d{4}-\d\d-\d\d/.test(run.text)) {
      problems.push(`number without separators: "${run.text}"`)
    }
  }
  return [...new Set(problems)]
}

/**
 * funnelToolbarOneRow: at 1280 wide the funnel's second toolbar (type,
 * source, stage set when any, measure, PNG, 打印) stays on one row.
 */
function funnelToolbarOneRow() {
  const first = document.querySelector('[data-test="funnel-type"]')?.getBoundingClientRect()
  const print = document.querySelector('[data-test="funnel-print"]')?.getBoundingClientRect()
  if (!first || !print) return ['funnel toolbar not found']
  const mid = (r) => r.top + r.height / 2
  return Math.abs(mid(first) - mid(print)) > 4 ? [`funnel toolbar wraps: 打印 at y=${Math.round(print.top)}, filters at y=${Math.round(first.top)}`] : []
}

async function checkScreens(srv, label) {
  const browser = await launchBrowser()
  const failures = []
  try {
    for (const lang of langs) {
      await srv.call('settings.Service.SetLanguage', lang)
      for (const size of sizes) {
        const page = await newPage(browser)
        await page.setViewportSize(size)
        for (const s of screens) {
          await page.goto(srv.url + '#' + s.route)
          await page.waitForSelector('.el-main .page, .el-main .panel')
          if (s.click) await page.click(s.click)
          if (s.board) {
            await page.click('[data-test="mode-board"]')
            await page.waitForSelector('[data-test="board"], .board', { timeout: 5000 }).catch(() => undefined)
          }
          if (s.click) await page.click(s.click)
          await page.waitForLoadState('networkidle')
          await page.waitForTimeout(300)
          const name = `layout-${label}-${lang}-${size.width}-${s.name}`
          await shot(page, name)
          const problems = await page.evaluate(layoutProblems)
          if (s.name === 'funnel' && size.width >= 1280) problems.push(...await page.evaluate(funnelToolbarOneRow))
          if (problems.length) failures.push(`${name}:\n  ` + problems.join('\n  '))
        }
        assert.deepEqual(page.errors, [], 'page errors')
        await page.context().close()
      }
    }
  } finally {
    await browser.close()
  }
  assert.equal(failures.length, 0, failures.join('\n'))
}

describe('every screen fits 1024 and 1280 wide in both languages', () => {
  describe('demo data', () => {
    let srv
    before(async () => { srv = await startServer({ demo: true }) })
    after(async () => { await srv?.stop() })
    test('no clipped or overlapping text', async () => { await checkScreens(srv, 'demo') })
  })

  describe('13-digit amounts and long names', () => {
    let srv
    before(async () => {
      srv = await startServer({ demo: true })
      await fillHuge(srv)
    })
    after(async () => { await srv?.stop() })
    test('no clipped or overlapping text', async () => { await checkScreens(srv, 'huge') })
  })
})

/** fillHuge adds records at the limits: the largest amount (¥1,000,000,000,000.00) and long names. */
async function fillHuge(srv) {
  const max = '1000000000000'
  const owner = await srv.call('owner.Service.Create', { name: '欧阳长名字销售代表Alexander', active: true })
  const stages = await srv.call('stage.Service.List')
  const pooled = []
  const cat = await srv.call('product.Service.CreateCategory', { name: '企业级软件与服务长类别名称', parentId: 0 })
  const product = await srv.call('product.Service.Create', {
    code: 'ENTERPRISE-PLATINUM-2026-0001', name: '企业级客户关系管理平台旗舰版永久授权（含实施）', categoryId: cat.id,
    unit: '套', price: '999999999999.99', ownerId: owner.id, retired: false, description: '',
  })
  for (let i = 0; i < 12; i++) {
    const c = await srv.call('customer.Service.Create', {
      name: `中华人民共和国长名称国际贸易集团股份有限公司第${i + 1}分公司`, classification: '重点客户', source: '展会',
      industry: '制造业', phone: '+86 (021) 6888-8888 ext 1234', address: '上海市浦东新区世纪大道一千二百号国际金融中心', ownerId: owner.id,
      notes: '', allowDuplicate: true,
    })
    const stage = stages[i % stages.length]
    const o = await srv.call('opportunity.Service.Create', {
      name: `全国分支机构客户关系管理系统整体采购与实施项目第${i + 1}期`, customerId: c.id, type: '', source: '展会', ownerId: owner.id,
      campaign: '', amount: max, expectedClose: '2026-12-2' + (i % 9), nextStep: '', stageId: stage.id,
      probability: '', description: '', lostReason: stage.kind === 'lost' ? '价格' : '', competitor: '',
      priority: ['high', 'medium', 'low', ''][i % 4],
    })
    if (i < 3) {
      const line = [{ productId: product.id, quantity: '1', unitPrice: '999999999999.99', discount: '' }]
      await srv.call('quote.Service.Create', {
        title: '旗舰版永久授权及全国实施服务报价单（第' + (i + 1) + '版）', customerId: c.id, opportunityId: o.id, ownerId: owner.id,
        quoteDate: '2026-12-01', validUntil: '2026-12-31', terms: '', notes: '', lines: line,
      })
      const d = await srv.call('order.Service.Create', {
        title: '旗舰版永久授权及全国实施服务合同（第' + (i + 1) + '期）', customerId: c.id, opportunityId: o.id, quoteId: 0, ownerId: owner.id,
        signedDate: '2026-12-02', notes: '', lines: line,
        plan: [{ id: 0, dueDate: '2026-12-31', amount: '999999999999.99', ownerId: owner.id, note: '' }],
      })
      await srv.call('order.Service.RecordReceipt', { installmentId: d.plan?.[0]?.id ?? 0, date: '2026-12-03', amount: '999999999999.99', method: '', note: '' })
    }
    // Tasks with long titles, due today and overdue (工作台) and in the list.
    const today = (await srv.call('dashboard.Service.Get')).today
    await srv.call('task.Service.Create', {
      title: `与客户总部采购委员会确认全国分支机构实施范围及付款节点第${i + 1}次`, assigneeId: owner.id,
      dueDate: i % 2 ? today : '2026-01-0' + (1 + (i % 9)), dueTime: '14:30', priority: 1 + (i % 3), status: 'todo',
      customerId: c.id, opportunityId: o.id, leadId: 0, result: '',
    })
    pooled.push(c.id)
  }
  // Leads with long names, one converted to a long customer.
  for (let i = 0; i < 12; i++) {
    const l = await srv.call('lead.Service.Create', { name: `全国分支机构客户关系管理系统采购意向线索第${i + 1}条`,
      company: `中华人民共和国长名称国际贸易线索集团股份有限公司第${i + 1}分公司`, contactName: '欧阳长名字联系人先生',
      phone: '+86 (0571) 8777-6666 ext 4321', email: 'very.long.contact.name@example-international-trading.com',
      source: '全国行业展会与线上推广活动', ownerId: owner.id, notes: '' })
    if (i === 0) await srv.call('lead.Service.Convert', { leadId: l.id, customerId: 0, customerName: '', contactName: '', contactTitle: '',
      createOpportunity: false, opportunityName: '', stageId: 0, amount: '', expectedClose: '' })
    if (i === 1) await srv.call('lead.Service.SetStatus', { ids: [l.id], status: 'invalid', reason: '客户联系人已离职且公司电话无人接听需要重新核实' })
  }
  // A stage set with a long name: the funnel gains its select, 当前筛选 its name.
  const set = await srv.call('stage.Service.CreateSet', { name: '大型项目招投标专用阶段组', types: ['大型项目招投标类型'] })
  await srv.call('stage.Service.Create', { name: '招投标与技术澄清', probability: '35', after: 0, kind: 'open', setId: set.id })
  // The pool, the recycle bin and the operation log with long names in them.
  const [admin] = await srv.call('owner.Service.List', false)
  const p = await srv.call('pool.Service.Save', 0, { name: '华东区重点行业客户长期跟进公共客户池', managerId: admin.id, claimEnabled: true,
    dailyLimit: 0, totalLimit: 0, reclaimDays: 0, members: [], rules: [] })
  await srv.call('pool.Service.Return', { customerIds: pooled.slice(8), ownerId: 0, actorId: admin.id, poolId: p.id,
    reason: '长期未跟进且客户联系人已离职需要重新分配跟进人' })
  for (let i = 0; i < 3; i++) {
    const c = await srv.call('customer.Service.Create', {
      name: `已删除的中华人民共和国长名称国际贸易集团股份有限公司第${i + 1}分公司`, classification: '', source: '',
      industry: '', phone: '', address: '', ownerId: owner.id, notes: '', allowDuplicate: true,
    })
    await srv.call('customer.Service.Delete', c.id)
  }
}
