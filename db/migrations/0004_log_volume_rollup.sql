-- Custom SQL (drizzle-kit --custom): what the schema DSL cannot say about log_volume.
-- 1. WITHOUT ROWID: the (minute, service, severity) key is the table. Empty here (created by 0003).
DROP TABLE `log_volume`;
--> statement-breakpoint
CREATE TABLE `log_volume` (
	`minute` integer NOT NULL,
	`service_name` text NOT NULL,
	`severity_number` integer NOT NULL,
	`count` integer NOT NULL,
	PRIMARY KEY(`minute`, `service_name`, `severity_number`)
) WITHOUT ROWID;
--> statement-breakpoint
-- 2. Records stored before this migration are counted once, here.
INSERT INTO `log_volume` (minute, service_name, severity_number, count)
  SELECT timestamp_unix_nano / 60000000000, service_name, severity_number, count(*) FROM `log_records` GROUP BY 1, 2, 3;
--> statement-breakpoint
-- 3. Inserts are counted by the writer, one upsert per (minute, service, severity) per batch; deletes here.
CREATE TRIGGER `log_volume_ad` AFTER DELETE ON `log_records` BEGIN
  UPDATE `log_volume` SET count = count - 1
  WHERE minute = old.timestamp_unix_nano / 60000000000 AND service_name = old.service_name AND severity_number = old.severity_number;
END;
