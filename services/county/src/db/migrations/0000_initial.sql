CREATE TABLE `area_statistics` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`area` text NOT NULL,
	`row_label` text NOT NULL,
	`category_id` text NOT NULL,
	`local_label` text NOT NULL,
	`count` integer NOT NULL,
	`period_id` text NOT NULL,
	`notes` text NOT NULL,
	`source_document` text NOT NULL,
	`source_locator` text NOT NULL,
	FOREIGN KEY (`period_id`) REFERENCES `periods`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `area_statistics_unique` ON `area_statistics` (`area`,`category_id`,`period_id`,`source_document`,`source_locator`);--> statement-breakpoint
CREATE INDEX `area_statistics_area` ON `area_statistics` (`area`);--> statement-breakpoint
CREATE TABLE `board_members` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`position` integer NOT NULL,
	`name` text NOT NULL,
	`source_document` text NOT NULL,
	`source_locator` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `county_profile` (
	`id` integer PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`ons_code` text NOT NULL,
	`board_name` text NOT NULL,
	`board_abbreviation` text NOT NULL,
	`board_chair` text NOT NULL,
	`board_document` text NOT NULL,
	`board_locator` text NOT NULL,
	`agreement_title` text NOT NULL,
	`agreed_by` text NOT NULL,
	`agreed_in` text NOT NULL,
	`agreement_document` text NOT NULL,
	`agreement_locator` text NOT NULL,
	`team_description` text NOT NULL,
	`team_document` text NOT NULL,
	`team_locator` text NOT NULL,
	`notes` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `csa_priorities` (
	`id` text PRIMARY KEY NOT NULL,
	`position` integer NOT NULL,
	`title` text NOT NULL,
	`description` text,
	`source_document` text NOT NULL,
	`source_locator` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `periods` (
	`id` text PRIMARY KEY NOT NULL,
	`label` text NOT NULL,
	`start` text NOT NULL,
	`end` text NOT NULL,
	`basis` text NOT NULL,
	`note` text
);
--> statement-breakpoint
CREATE TABLE `populations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`ons_code` text NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`year` integer NOT NULL,
	`population` integer NOT NULL,
	`source` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `populations_area_year` ON `populations` (`ons_code`,`year`);--> statement-breakpoint
CREATE TABLE `publication_state` (
	`id` integer PRIMARY KEY NOT NULL,
	`seeded_from` text NOT NULL,
	`seeded_at` text NOT NULL,
	`last_published_at` text,
	`data_version` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `strategic_plan_priorities` (
	`id` text PRIMARY KEY NOT NULL,
	`position` integer NOT NULL,
	`title` text NOT NULL,
	`description` text NOT NULL,
	`source_document` text NOT NULL,
	`source_locator` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `strategies` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`position` integer NOT NULL,
	`title` text NOT NULL,
	`period_label` text NOT NULL,
	`document` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `workstreams` (
	`id` text PRIMARY KEY NOT NULL,
	`position` integer NOT NULL,
	`title` text NOT NULL,
	`items` text NOT NULL,
	`source_document` text NOT NULL,
	`source_locator` text NOT NULL
);
