import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import Components from 'unplugin-vue-components/vite'
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers'

// Relative base: the Wails asset server and the headless test server both
// serve dist/ from the root, but relative URLs keep either working.
export default defineConfig({
  base: './',
  // Element Plus on demand: each <el-…> is imported by the chunk whose
  // template uses it, so the start-up script holds only what the shell and
  // the 工作台 use (the full library was 2/3 of a 1.3 MB script that WebKit
  // parsed before the first screen). Its CSS stays whole (main.ts): one
  // sheet, in the order our overrides in style.css were written against.
  plugins: [vue(), Components({ resolvers: [ElementPlusResolver({ importStyle: false })], dirs: [], dts: false })],
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
