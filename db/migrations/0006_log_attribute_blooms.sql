CREATE TABLE `log_attribute_blooms` (
	`block` integer PRIMARY KEY NOT NULL,
	`min_timestamp_unix_nano` integer NOT NULL,
	`max_timestamp_unix_nano` integer NOT NULL,
	`term_count` integer NOT NULL,
	`bloom` blob NOT NULL
);
