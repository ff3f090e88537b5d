CREATE TABLE `trace_summaries` (
	`trace_id` text PRIMARY KEY NOT NULL,
	`start_time_unix_nano` integer NOT NULL,
	`end_time_unix_nano` integer NOT NULL,
	`duration_ns` integer NOT NULL,
	`span_count` integer NOT NULL,
	`error_count` integer NOT NULL,
	`root_service_name` text,
	`root_span_name` text,
	`services` text NOT NULL
) WITHOUT ROWID;
--> statement-breakpoint
CREATE INDEX `trace_summaries_start_idx` ON `trace_summaries` (`start_time_unix_nano`);--> statement-breakpoint
CREATE INDEX `trace_summaries_duration_idx` ON `trace_summaries` (`duration_ns`);--> statement-breakpoint
-- Backfill from spans stored before this table existed (hand-written: drizzle-kit cannot express it).
INSERT INTO `trace_summaries`
SELECT s.trace_id, min(s.start_time_unix_nano), max(s.end_time_unix_nano),
  max(s.end_time_unix_nano) - min(s.start_time_unix_nano), count(*), sum(s.status_code = 2),
  (SELECT r.service_name FROM spans r WHERE r.trace_id = s.trace_id AND r.parent_span_id IS NULL LIMIT 1),
  (SELECT r.name FROM spans r WHERE r.trace_id = s.trace_id AND r.parent_span_id IS NULL LIMIT 1),
  (SELECT json_group_array(service_name) FROM (SELECT DISTINCT service_name FROM spans d WHERE d.trace_id = s.trace_id))
FROM spans s GROUP BY s.trace_id;
