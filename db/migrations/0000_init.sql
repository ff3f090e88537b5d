CREATE TABLE `resources` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`fingerprint` text NOT NULL,
	`service_name` text NOT NULL,
	`attributes` text NOT NULL,
	`dropped_attributes_count` integer DEFAULT 0 NOT NULL,
	`schema_url` text DEFAULT '' NOT NULL,
	`first_seen_unix_nano` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `resources_fingerprint_unique` ON `resources` (`fingerprint`);--> statement-breakpoint
CREATE TABLE `scopes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`fingerprint` text NOT NULL,
	`name` text NOT NULL,
	`version` text NOT NULL,
	`attributes` text NOT NULL,
	`dropped_attributes_count` integer DEFAULT 0 NOT NULL,
	`schema_url` text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `scopes_fingerprint_unique` ON `scopes` (`fingerprint`);--> statement-breakpoint
CREATE TABLE `spans` (
	`trace_id` text NOT NULL,
	`span_id` text NOT NULL,
	`parent_span_id` text,
	`trace_state` text DEFAULT '' NOT NULL,
	`flags` integer DEFAULT 0 NOT NULL,
	`name` text NOT NULL,
	`kind` integer NOT NULL,
	`start_time_unix_nano` integer NOT NULL,
	`end_time_unix_nano` integer NOT NULL,
	`duration_ns` integer NOT NULL,
	`status_code` integer NOT NULL,
	`status_message` text DEFAULT '' NOT NULL,
	`service_name` text NOT NULL,
	`resource_id` integer NOT NULL,
	`scope_id` integer NOT NULL,
	`attributes` text NOT NULL,
	`dropped_attributes_count` integer DEFAULT 0 NOT NULL,
	`events` text NOT NULL,
	`dropped_events_count` integer DEFAULT 0 NOT NULL,
	`links` text NOT NULL,
	`dropped_links_count` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `spans_trace_span_uq` ON `spans` (`trace_id`,`span_id`);--> statement-breakpoint
CREATE INDEX `spans_service_start_idx` ON `spans` (`service_name`,`start_time_unix_nano`);--> statement-breakpoint
CREATE INDEX `spans_start_idx` ON `spans` (`start_time_unix_nano`);--> statement-breakpoint
CREATE TABLE `log_records` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`timestamp_unix_nano` integer NOT NULL,
	`time_unix_nano` integer NOT NULL,
	`observed_time_unix_nano` integer NOT NULL,
	`severity_number` integer NOT NULL,
	`severity_text` text DEFAULT '' NOT NULL,
	`body` text NOT NULL,
	`body_text` text NOT NULL,
	`attributes` text NOT NULL,
	`dropped_attributes_count` integer DEFAULT 0 NOT NULL,
	`flags` integer DEFAULT 0 NOT NULL,
	`trace_id` text,
	`span_id` text,
	`event_name` text DEFAULT '' NOT NULL,
	`service_name` text NOT NULL,
	`resource_id` integer NOT NULL,
	`scope_id` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `log_records_trace_idx` ON `log_records` (`trace_id`) WHERE trace_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX `log_records_service_ts_idx` ON `log_records` (`service_name`,`timestamp_unix_nano`);--> statement-breakpoint
CREATE INDEX `log_records_ts_idx` ON `log_records` (`timestamp_unix_nano`);--> statement-breakpoint
CREATE TABLE `exemplars` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`series_id` integer NOT NULL,
	`point_time_unix_nano` integer NOT NULL,
	`time_unix_nano` integer NOT NULL,
	`value` blob,
	`trace_id` text,
	`span_id` text,
	`filtered_attributes` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `exemplars_series_time_idx` ON `exemplars` (`series_id`,`time_unix_nano`);--> statement-breakpoint
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
);
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
);
--> statement-breakpoint
CREATE TABLE `metric_number_points` (
	`series_id` integer NOT NULL,
	`time_unix_nano` integer NOT NULL,
	`start_time_unix_nano` integer DEFAULT 0 NOT NULL,
	`flags` integer DEFAULT 0 NOT NULL,
	`value` blob,
	PRIMARY KEY(`series_id`, `time_unix_nano`)
);
--> statement-breakpoint
CREATE TABLE `metric_series` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`fingerprint` text NOT NULL,
	`resource_id` integer NOT NULL,
	`scope_id` integer NOT NULL,
	`service_name` text NOT NULL,
	`name` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`unit` text DEFAULT '' NOT NULL,
	`kind` text NOT NULL,
	`temporality` integer DEFAULT 0 NOT NULL,
	`is_monotonic` integer DEFAULT false NOT NULL,
	`attributes` text NOT NULL,
	`metadata` text DEFAULT '[]' NOT NULL,
	`prom_name` text NOT NULL,
	`prom_labels` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `metric_series_fingerprint_unique` ON `metric_series` (`fingerprint`);--> statement-breakpoint
CREATE INDEX `metric_series_prom_name_idx` ON `metric_series` (`prom_name`);--> statement-breakpoint
CREATE TABLE `metric_summary_points` (
	`series_id` integer NOT NULL,
	`time_unix_nano` integer NOT NULL,
	`start_time_unix_nano` integer DEFAULT 0 NOT NULL,
	`flags` integer DEFAULT 0 NOT NULL,
	`count` integer NOT NULL,
	`sum` real,
	`quantile_values` text NOT NULL,
	PRIMARY KEY(`series_id`, `time_unix_nano`)
);
