CREATE TABLE `annotations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`time_ms` integer NOT NULL,
	`time_end_ms` integer,
	`text` text NOT NULL,
	`tags` text NOT NULL,
	`service_name` text DEFAULT '' NOT NULL,
	`source` text NOT NULL,
	`created_at_ms` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `annotations_time_idx` ON `annotations` (`time_ms`);--> statement-breakpoint
CREATE TABLE `dashboards` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`uid` text NOT NULL,
	`title` text NOT NULL,
	`model` text NOT NULL,
	`version` integer NOT NULL,
	`provisioned` integer DEFAULT 0 NOT NULL,
	`source_path` text,
	`created_at_ms` integer NOT NULL,
	`updated_at_ms` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `dashboards_uid_unique` ON `dashboards` (`uid`);