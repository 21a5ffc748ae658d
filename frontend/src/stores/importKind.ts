import { ref } from 'vue'

/**
 * importShownKind is the kind of records the import screen reads its file
 * as ('' before a file is read): the header's title follows it, so a
 * customer list read from 销售机会's 导入 button is titled 导入客户.
 */
export const importShownKind = ref('')
