package store

// The kept and counted forecast paths, for the external tests.
var (
	ForecastKept    = forecastKept
	ForecastCounted = forecastCounted
)
