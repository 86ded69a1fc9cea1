CREATE TABLE `areas` (
	`id` text PRIMARY KEY NOT NULL,
	`position` integer NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`local_label` text NOT NULL,
	`source_document` text NOT NULL,
	`source_locator` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `crime_statistics` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`area_id` text,
	`category_id` text NOT NULL,
	`local_label` text NOT NULL,
	`count` integer NOT NULL,
	`period_id` text NOT NULL,
	`notes` text NOT NULL,
	`source_document` text NOT NULL,
	`source_locator` text NOT NULL,
	FOREIGN KEY (`area_id`) REFERENCES `areas`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`period_id`) REFERENCES `periods`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `crime_statistics_unique_partnership` ON `crime_statistics` (`category_id`,`period_id`,`source_document`,`source_locator`) WHERE "crime_statistics"."area_id" is null;--> statement-breakpoint
CREATE UNIQUE INDEX `crime_statistics_unique_area` ON `crime_statistics` (`area_id`,`category_id`,`period_id`,`source_document`,`source_locator`) WHERE "crime_statistics"."area_id" is not null;--> statement-breakpoint
CREATE TABLE `family_group_positions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`family_group_id` text NOT NULL,
	`position` integer NOT NULL,
	`category_id` text NOT NULL,
	`local_label` text NOT NULL,
	`rank` integer NOT NULL,
	`group_size` integer NOT NULL,
	`as_at` text NOT NULL,
	FOREIGN KEY (`family_group_id`) REFERENCES `family_groups`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `family_group_positions_group` ON `family_group_positions` (`family_group_id`);--> statement-breakpoint
CREATE TABLE `family_groups` (
	`id` text PRIMARY KEY NOT NULL,
	`position` integer NOT NULL,
	`name` text NOT NULL,
	`members` text NOT NULL,
	`members_document` text NOT NULL,
	`members_locator` text NOT NULL,
	`positions_document` text NOT NULL,
	`positions_locator` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `focus_areas` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`priority_id` text NOT NULL,
	`position` integer NOT NULL,
	`text` text NOT NULL,
	`details` text NOT NULL,
	FOREIGN KEY (`priority_id`) REFERENCES `priorities`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `focus_areas_priority` ON `focus_areas` (`priority_id`);--> statement-breakpoint
CREATE TABLE `funding` (
	`id` text PRIMARY KEY NOT NULL,
	`position` integer NOT NULL,
	`funder` text NOT NULL,
	`label` text NOT NULL,
	`amount_pence` integer NOT NULL,
	`period_id` text,
	`source_document` text NOT NULL,
	`source_locator` text NOT NULL,
	FOREIGN KEY (`period_id`) REFERENCES `periods`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `funding_allocations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`funding_id` text NOT NULL,
	`position` integer NOT NULL,
	`purpose` text NOT NULL,
	`amount_pence` integer NOT NULL,
	FOREIGN KEY (`funding_id`) REFERENCES `funding`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `funding_allocations_funding` ON `funding_allocations` (`funding_id`);--> statement-breakpoint
CREATE TABLE `partners` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`position` integer NOT NULL,
	`name` text NOT NULL,
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
CREATE TABLE `plans` (
	`id` text PRIMARY KEY NOT NULL,
	`position` integer NOT NULL,
	`title` text NOT NULL,
	`period_id` text NOT NULL,
	`notes` text NOT NULL,
	`source_document` text NOT NULL,
	`source_locator` text NOT NULL,
	FOREIGN KEY (`period_id`) REFERENCES `periods`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `priorities` (
	`id` text PRIMARY KEY NOT NULL,
	`plan_id` text NOT NULL,
	`theme_id` text,
	`position` integer NOT NULL,
	`ref` text,
	`title` text NOT NULL,
	`description` text,
	`cross_cutting` integer NOT NULL,
	`mandatory` integer NOT NULL,
	`notes` text NOT NULL,
	`declared_alignment` text,
	`source_document` text NOT NULL,
	`source_locator` text NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`theme_id`) REFERENCES `themes`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `priorities_plan` ON `priorities` (`plan_id`);--> statement-breakpoint
CREATE TABLE `publication_state` (
	`id` integer PRIMARY KEY NOT NULL,
	`seeded_from` text NOT NULL,
	`seeded_at` text NOT NULL,
	`last_published_at` text,
	`data_version` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `rate_table_rows` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`rate_table_id` text NOT NULL,
	`position` integer NOT NULL,
	`name` text NOT NULL,
	`self` integer NOT NULL,
	`average` integer NOT NULL,
	`values` text NOT NULL,
	FOREIGN KEY (`rate_table_id`) REFERENCES `rate_tables`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `rate_table_rows_table` ON `rate_table_rows` (`rate_table_id`);--> statement-breakpoint
CREATE TABLE `rate_tables` (
	`id` text PRIMARY KEY NOT NULL,
	`position` integer NOT NULL,
	`title` text NOT NULL,
	`measure` text NOT NULL,
	`category_id` text NOT NULL,
	`period_ids` text NOT NULL,
	`source_document` text NOT NULL,
	`source_locator` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `statistic_sources` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`statistic_id` integer NOT NULL,
	`position` integer NOT NULL,
	`document` text NOT NULL,
	`locator` text NOT NULL,
	FOREIGN KEY (`statistic_id`) REFERENCES `crime_statistics`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `statistic_sources_statistic` ON `statistic_sources` (`statistic_id`);--> statement-breakpoint
CREATE TABLE `targets` (
	`id` text PRIMARY KEY NOT NULL,
	`position` integer NOT NULL,
	`category_id` text NOT NULL,
	`local_label` text NOT NULL,
	`direction` text NOT NULL,
	`baseline_period_id` text NOT NULL,
	`target_period_id` text NOT NULL,
	`source_document` text NOT NULL,
	`source_locator` text NOT NULL,
	FOREIGN KEY (`baseline_period_id`) REFERENCES `periods`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`target_period_id`) REFERENCES `periods`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `themes` (
	`id` text PRIMARY KEY NOT NULL,
	`plan_id` text NOT NULL,
	`position` integer NOT NULL,
	`title` text NOT NULL,
	`description` text,
	`source_document` text NOT NULL,
	`source_locator` text NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `themes_plan` ON `themes` (`plan_id`);