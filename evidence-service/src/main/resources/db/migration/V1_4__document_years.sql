-- A document may name the assessment years it supports (comma-separated, e.g. "2024,2025"); null when it names none.
alter table evidence add column years text;
