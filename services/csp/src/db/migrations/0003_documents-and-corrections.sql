CREATE TABLE `documents` (
	`document` text PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`publisher` text NOT NULL,
	`published` text,
	`recorded_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `figure_corrections` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`figure_id` integer NOT NULL,
	`previous_count` integer NOT NULL,
	`count` integer NOT NULL,
	`corrected_at` text NOT NULL,
	`source_document` text,
	`source_locator` text,
	`note` text
);
--> statement-breakpoint
CREATE INDEX `figure_corrections_figure` ON `figure_corrections` (`figure_id`);