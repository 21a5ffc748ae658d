// Rows of one import file that are the same record (task "infile"): merged counts and the notes on replaced values.
export default {
  importMerge: {
    counts: '{kind}：新增 {new}，更新 {updated}，跳过 {skipped}，合并 {merged}',
    oppCounts: '新增 {added}，更新 {updated}，跳过 {skipped}，合并 {merged}',
    unchanged: '另有 {n} 行与已有记录完全相同，未作改动',
    action: '合并',
    rule: '文件中指同一条记录的多行会合并为一条（计为“合并”）：后面的行中非空的值生效；联系人按手机、其次邮箱、再次姓名识别，同名但手机和邮箱都不同的是另一个人。',
    notesTitle: '合并时被替换的值（{n} 条）',
    notesMore: '仅列出前 {shown} 条，共 {n} 条；命令行导入会逐条列出。',
    row: '行',
    field: '字段',
    earlier: '原值',
    earlierRow: '来自第 {row} 行',
    kept: '保留的值',
    empty: '（空）',
    historyCounts: '新增 {added}，更新 {updated}，跳过 {skipped}，合并 {merged}',
    unchangedPart: '，未变 {n}',
  },
}
