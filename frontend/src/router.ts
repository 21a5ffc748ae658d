// Hash history: the Wails asset server and the headless test server only
// serve index.html at the root.
import { createRouter, createWebHashHistory } from 'vue-router'

export const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    { path: '/', name: 'dashboard', component: () => import('./views/DashboardView.vue') },
    { path: '/leads', name: 'leads', component: () => import('./views/LeadsView.vue') },
    { path: '/customers', name: 'customers', component: () => import('./views/CustomersView.vue') },
    { path: '/pool', name: 'pool', component: () => import('./views/PoolView.vue') },
    { path: '/opportunities', name: 'opportunities', component: () => import('./views/OpportunitiesView.vue') },
    { path: '/tasks', name: 'tasks', component: () => import('./views/TasksView.vue') },
    { path: '/funnel', name: 'funnel', component: () => import('./views/FunnelView.vue') },
    { path: '/targets', name: 'targets', component: () => import('./views/TargetsView.vue') },
    { path: '/analysis', name: 'analysis', component: () => import('./views/AnalysisView.vue') },
    { path: '/import', name: 'import', component: () => import('./views/ImportView.vue') },
    { path: '/imports', name: 'imports', component: () => import('./views/ImportHistoryView.vue') },
    { path: '/products', name: 'products', component: () => import('./views/ProductsView.vue') },
    { path: '/quotes', name: 'quotes', component: () => import('./views/QuotesView.vue') },
    { path: '/orders', name: 'orders', component: () => import('./views/OrdersView.vue') },
    { path: '/receipts', name: 'receipts', component: () => import('./views/ReceiptsView.vue') },
    { path: '/invoices', name: 'invoices', component: () => import('./views/InvoicesView.vue') },
    { path: '/reports', name: 'reports', component: () => import('./views/ReportsView.vue') },
    { path: '/analysis', name: 'analysis', component: () => import('./views/AnalysisView.vue') },
    { path: '/recycle', name: 'recycle', component: () => import('./views/RecycleView.vue') },
    { path: '/oplog', name: 'oplog', component: () => import('./views/OpLogView.vue') },
    { path: '/backup', name: 'backup', component: () => import('./views/BackupView.vue') },
    { path: '/settings', name: 'settings', component: () => import('./views/SettingsView.vue') },
    { path: '/:rest(.*)*', redirect: '/' },
  ],
})
