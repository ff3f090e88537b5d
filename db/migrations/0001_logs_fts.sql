-- Custom SQL (drizzle-kit --custom): what the schema DSL cannot say.
-- 1. Point tables keyed by (series, time) become WITHOUT ROWID: the key is the table, no second b-tree.
--    They are empty when this runs (it directly follows 0000_init).
DROP TABLE `metric_number_points`;
--> statement-breakpoint
CREATE TABLE `metric_number_points` (
	`series_id` integer NOT NULL,
	`time_unix_nano` integer NOT NULL,
	`start_time_unix_nano` integer DEFAULT 0 NOT NULL,
	`flags` integer DEFAULT 0 NOT NULL,
	`value` blob,
	PRIMARY KEY(`series_id`, `time_unix_nano`)
) WITHOUT ROWID;
--> statement-breakpoint
DROP TABLE `metric_histogram_points`;
--> statement-breakpoint
CREATE TABLE `metric_histogram_points` (
	`series_id` integer NOT NULL,
	`time_unix_nano` integer NOT NULL,
	`start_time_unix_nano` integer DEFAULT 0 NOT NULL,
	`flags` integer DEFAULT 0 NOT NULL,
	`count` integer NOT NULL,
	`sum` real,
	`min` real,
	`max` real,
	`bucket_counts` text NOT NULL,
	`explicit_bounds` text NOT NULL,
	PRIMARY KEY(`series_id`, `time_unix_nano`)
) WITHOUT ROWID;
--> statement-breakpoint
DROP TABLE `metric_exp_histogram_points`;
--> statement-breakpoint
CREATE TABLE `metric_exp_histogram_points` (
	`series_id` integer NOT NULL,
	`time_unix_nano` integer NOT NULL,
	`start_time_unix_nano` integer DEFAULT 0 NOT NULL,
	`flags` integer DEFAULT 0 NOT NULL,
	`count` integer NOT NULL,
	`sum` real,
	`min` real,
	`max` real,
	`scale` integer NOT NULL,
	`zero_count` integer NOT NULL,
	`zero_threshold` real DEFAULT 0 NOT NULL,
	`positive_offset` integer NOT NULL,
	`positive_bucket_counts` text NOT NULL,
	`negative_offset` integer NOT NULL,
	`negative_bucket_counts` text NOT NULL,
	PRIMARY KEY(`series_id`, `time_unix_nano`)
) WITHOUT ROWID;
--> statement-breakpoint
DROP TABLE `metric_summary_points`;
--> statement-breakpoint
CREATE TABLE `metric_summary_points` (
	`series_id` integer NOT NULL,
	`time_unix_nano` integer NOT NULL,
	`start_time_unix_nano` integer DEFAULT 0 NOT NULL,
	`flags` integer DEFAULT 0 NOT NULL,
	`count` integer NOT NULL,
	`sum` real,
	`quantile_values` text NOT NULL,
	PRIMARY KEY(`series_id`, `time_unix_nano`)
) WITHOUT ROWID;
--> statement-breakpoint
-- 2. Full-text search over log bodies: FTS5 external-content table kept in step by triggers.
CREATE VIRTUAL TABLE `log_records_fts` USING fts5(body_text, content=`log_records`, content_rowid=`id`);
--> statement-breakpoint
CREATE TRIGGER `log_records_fts_ai` AFTER INSERT ON `log_records` BEGIN INSERT INTO `log_records_fts`(rowid, body_text) VALUES (new.id, new.body_text); END;
--> statement-breakpoint
CREATE TRIGGER `log_records_fts_ad` AFTER DELETE ON `log_records` BEGIN INSERT INTO `log_records_fts`(`log_records_fts`, rowid, body_text) VALUES ('delete', old.id, old.body_text); END;
