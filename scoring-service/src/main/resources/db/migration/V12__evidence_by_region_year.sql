-- Issue 12: a snapshot reads the evidence of its region (and the nation) for its window of years only.
create index evidence_fact_version_region_year on evidence_fact_version (region, year, seq);
