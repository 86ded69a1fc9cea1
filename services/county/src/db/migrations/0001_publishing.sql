CREATE TABLE `access_tokens` (
	`id` text PRIMARY KEY NOT NULL,
	`scope` text NOT NULL,
	`label` text NOT NULL,
	`hash` text NOT NULL,
	`created_at` text NOT NULL,
	`revoked_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `access_tokens_hash` ON `access_tokens` (`hash`);--> statement-breakpoint
CREATE TABLE `audit_entries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`token_id` text,
	`actor` text NOT NULL,
	`operation` text NOT NULL,
	`subject` text NOT NULL,
	`before` text,
	`after` text
);
