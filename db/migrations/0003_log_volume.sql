CREATE TABLE `log_volume` (
	`minute` integer NOT NULL,
	`service_name` text NOT NULL,
	`severity_number` integer NOT NULL,
	`count` integer NOT NULL,
	PRIMARY KEY(`minute`, `service_name`, `severity_number`)
);
