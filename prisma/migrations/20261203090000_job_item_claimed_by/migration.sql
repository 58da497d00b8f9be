-- Bulk job items name the runner instance holding their claim, like scheduled messages: a restarted process takes
-- over a dead predecessor's items at once instead of after the lease.

-- AlterTable
ALTER TABLE `JobItem` ADD COLUMN `claimedBy` VARCHAR(36) NULL;
