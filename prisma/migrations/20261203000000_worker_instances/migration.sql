-- Work runners announce themselves with a heartbeat; claims name the runner holding them, so a restarted process
-- knows at once which claims belong to a dead predecessor instead of waiting for their lease to expire.

-- CreateTable
CREATE TABLE `WorkerInstance` (
    `id` VARCHAR(36) NOT NULL,
    `startedAt` DATETIME(3) NOT NULL,
    `heartbeatAt` DATETIME(3) NOT NULL,
    INDEX `WorkerInstance_heartbeatAt_idx`(`heartbeatAt`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- AlterTable
ALTER TABLE `ScheduledMessage` ADD COLUMN `claimedBy` VARCHAR(36) NULL;
