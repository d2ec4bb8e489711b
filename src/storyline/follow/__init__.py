"""Following sources: feeds, sitemaps, sites and folders polled, fetched politely, ingested; alerts."""
