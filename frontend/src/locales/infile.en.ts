// Rows of one import file that are the same record (task "infile"): merged counts and the notes on replaced values.
export default {
  importMerge: {
    counts: '{kind}: {new} new, {updated} updated, {skipped} skipped, {merged} merged',
    oppCounts: '{added} new, {updated} updated, {skipped} skipped, {merged} merged',
    unchanged: '{n} more rows match their records exactly and were left as they were',
    action: 'Merge',
    rule: 'Rows of the file that are the same record are merged into one (counted as merged): a later row\'s non-empty values win. A contact is the same by mobile, else email, else name; the same name with both a different mobile and a different email is another person.',
    notesTitle: 'Values replaced by merged rows ({n})',
    notesMore: 'The first {shown} of {n} are listed; the command-line import prints them all.',
    row: 'Row',
    field: 'Field',
    earlier: 'Earlier value',
    earlierRow: 'from row {row}',
    kept: 'Value kept',
    empty: '(empty)',
    historyCounts: '{added} new, {updated} updated, {skipped} skipped, {merged} merged',
    unchangedPart: ', {n} unchanged',
  },
}
