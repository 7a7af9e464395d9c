-- The trace context of the change that marked a region-year first (W3C traceparent; null when tracing is off):
-- the snapshot computed for the mark continues that trace, and so does its score.events event.
alter table snapshot_pending add column traceparent varchar(64);
