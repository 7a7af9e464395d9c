-- The 自评报告 lists each indicator's evidence as a county submits it: a figure with its source, a document with its
-- file name and SHA-256. Current state only (the version history is what scoring reads, and it needs none of them);
-- evidence projected before this arrives without them until its next event.
alter table evidence_fact add column source text;
alter table evidence_fact add column file_name text;
alter table evidence_fact add column sha256 varchar(64);
alter table evidence_fact add column comment text;
