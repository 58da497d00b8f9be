-- Chat blast: paced bulk jobs on the durable runner, and the owners' opt-out lists.

-- AlterTable
ALTER TABLE `User` ADD COLUMN `optOutKeywords` JSON NULL;

-- AlterTable: jitter bounds replace the fixed delay; counters per final state; pause reason and timed resume.
ALTER TABLE `Job` DROP COLUMN `delaySec`,
    MODIFY `status` ENUM('queued','scheduled','processing','paused','completed','partial','failed','cancelled') NOT NULL DEFAULT 'queued',
    ADD COLUMN `delayMinMs` INTEGER NOT NULL DEFAULT 2000,
    ADD COLUMN `delayMaxMs` INTEGER NOT NULL DEFAULT 4000,
    ADD COLUMN `skipped` INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN `cancelled` INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN `pauseReason` VARCHAR(32) NULL,
    ADD COLUMN `resumeAt` DATETIME(3) NULL,
    ADD COLUMN `timezone` VARCHAR(64) NULL;

-- CreateIndex
CREATE INDEX `Job_status_resumeAt_idx` ON `Job`(`status`, `resumeAt`);

-- AlterTable
ALTER TABLE `JobItem` MODIFY `status` ENUM('pending','processing','sent','failed','skipped','cancelled') NOT NULL DEFAULT 'pending',
    ADD COLUMN `name` VARCHAR(191) NULL,
    ADD COLUMN `sentAt` DATETIME(3) NULL,
    ADD COLUMN `finishedAt` DATETIME(3) NULL,
    ADD COLUMN `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3);

-- CreateIndex
CREATE INDEX `JobItem_jobId_finishedAt_idx` ON `JobItem`(`jobId`, `finishedAt`);

-- CreateIndex
CREATE INDEX `JobItem_jobId_recipient_idx` ON `JobItem`(`jobId`, `recipient`);

-- CreateTable
CREATE TABLE `OptOut` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `ownerId` INTEGER NOT NULL,
    `phone` VARCHAR(32) NOT NULL,
    `deviceId` INTEGER NULL,
    `keyword` VARCHAR(64) NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    INDEX `OptOut_ownerId_createdAt_idx`(`ownerId`, `createdAt`),
    INDEX `OptOut_deviceId_idx`(`deviceId`),
    UNIQUE INDEX `OptOut_ownerId_phone_key`(`ownerId`, `phone`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- AddForeignKey
ALTER TABLE `OptOut` ADD CONSTRAINT `OptOut_ownerId_fkey` FOREIGN KEY (`ownerId`) REFERENCES `User`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `OptOut` ADD CONSTRAINT `OptOut_deviceId_fkey` FOREIGN KEY (`deviceId`) REFERENCES `Device`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;
