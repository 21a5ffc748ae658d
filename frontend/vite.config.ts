import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'

// Relative base: the Wails asset server and the headless test server both
// serve dist/ from the root, but relative URLs keep either working.
export default defineConfig({
  base: './',
  plugins: [vue()],
  define: {
    __VUE_I18N_FULL_INSTALL__: true,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
    __INTLIFY_JIT_COMPILATION__: true,
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
})
