package funnel

// CountedFigures is stageFigures without the kept totals, for the tests
// comparing the two paths.
var CountedFigures = countedFigures
