CREATE TABLE `areas` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`ons_code` text,
	`police_force` text NOT NULL,
	`partnership` text,
	`source_document` text NOT NULL,
	`source_locator` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `areas_name_unique` ON `areas` (`name`);--> statement-breakpoint
CREATE TABLE `district_populations` (
	`lad_code` text NOT NULL,
	`year` integer NOT NULL,
	`population` integer NOT NULL,
	`source_document` text NOT NULL,
	`source_locator` text NOT NULL,
	PRIMARY KEY(`lad_code`, `year`)
);
--> statement-breakpoint
CREATE TABLE `districts` (
	`lad_code` text PRIMARY KEY NOT NULL,
	`lad_name` text NOT NULL,
	`area_id` integer NOT NULL,
	`source_document` text NOT NULL,
	`source_locator` text NOT NULL,
	FOREIGN KEY (`area_id`) REFERENCES `areas`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `districts_area` ON `districts` (`area_id`);--> statement-breakpoint
CREATE TABLE `documents` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`file_name` text NOT NULL,
	`kind` text NOT NULL,
	`sha256` text NOT NULL,
	`edition` text,
	`sample` integer NOT NULL,
	`rows` integer NOT NULL,
	`imported_at` text NOT NULL,
	`summary` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `monthly_counts` (
	`month` text NOT NULL,
	`force` text NOT NULL,
	`district` text NOT NULL,
	`area_id` integer,
	`crime_type` text NOT NULL,
	`count` integer NOT NULL,
	`document_id` integer NOT NULL,
	PRIMARY KEY(`month`, `force`, `district`, `crime_type`),
	FOREIGN KEY (`area_id`) REFERENCES `areas`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `monthly_counts_area` ON `monthly_counts` (`area_id`,`month`);--> statement-breakpoint
CREATE TABLE `offence_counts` (
	`area_id` integer NOT NULL,
	`financial_year` text NOT NULL,
	`quarter` integer NOT NULL,
	`offence_code` text NOT NULL,
	`offence_description` text NOT NULL,
	`offence_group` text NOT NULL,
	`offence_subgroup` text NOT NULL,
	`count` integer NOT NULL,
	`document_id` integer NOT NULL,
	`sheet` text NOT NULL,
	PRIMARY KEY(`financial_year`, `quarter`, `area_id`, `offence_code`),
	FOREIGN KEY (`area_id`) REFERENCES `areas`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `offence_counts_document` ON `offence_counts` (`document_id`);--> statement-breakpoint
CREATE TABLE `quarter_sources` (
	`financial_year` text NOT NULL,
	`quarter` integer NOT NULL,
	`document_id` integer NOT NULL,
	`sheet` text NOT NULL,
	PRIMARY KEY(`financial_year`, `quarter`, `document_id`, `sheet`),
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `subgroup_totals` (
	`financial_year` text NOT NULL,
	`quarter` integer NOT NULL,
	`area_id` integer NOT NULL,
	`offence_group` text NOT NULL,
	`offence_subgroup` text NOT NULL,
	`count` integer NOT NULL,
	PRIMARY KEY(`financial_year`, `quarter`, `area_id`, `offence_group`, `offence_subgroup`),
	FOREIGN KEY (`area_id`) REFERENCES `areas`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `subgroup_totals_year` ON `subgroup_totals` (`financial_year`,`area_id`,`quarter`,`offence_group`,`offence_subgroup`,`count`);