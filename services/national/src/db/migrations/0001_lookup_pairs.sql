-- Lookups held before editions were kept were the December 2024 layout (LAD24CD ...): their pairs are edition 2024.
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_districts` (
	`edition` integer NOT NULL,
	`lad_code` text NOT NULL,
	`lad_name` text NOT NULL,
	`area_id` integer NOT NULL,
	`source_document` text NOT NULL,
	`source_locator` text NOT NULL,
	PRIMARY KEY(`edition`, `lad_code`, `area_id`),
	FOREIGN KEY (`area_id`) REFERENCES `areas`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_districts`("edition", "lad_code", "lad_name", "area_id", "source_document", "source_locator") SELECT 2024, "lad_code", "lad_name", "area_id", "source_document", "source_locator" FROM `districts`;--> statement-breakpoint
DROP TABLE `districts`;--> statement-breakpoint
ALTER TABLE `__new_districts` RENAME TO `districts`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `districts_area` ON `districts` (`area_id`);--> statement-breakpoint
CREATE INDEX `districts_name` ON `districts` (`lad_name`);--> statement-breakpoint
ALTER TABLE `areas` ADD `ons_edition` integer;--> statement-breakpoint
-- Lookups held before editions were kept were the December 2024 layout (LAD24CD ...).
UPDATE `areas` SET `ons_edition` = 2024 WHERE `ons_code` IS NOT NULL;