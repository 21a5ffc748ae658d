// Issue 9c: a document dated before the one it follows.
export default {
  earlierDate: {
    title: 'Dated before the document it follows',
    save: 'Save anyway',
    back: 'Go back',
  },
}
