-- Administration and statistics: forced password change, run-time settings, per-day statistics kept incrementally.

-- AlterTable
ALTER TABLE `User` ADD COLUMN `mustChangePassword` BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE INDEX `User_lastLogin_idx` ON `User`(`lastLogin`);

-- AlterTable
ALTER TABLE `Message` ADD COLUMN `statFlags` INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX `Message_timestamp_idx` ON `Message`(`timestamp`);

-- Messages stored before this migration count as counted (1 stored, 2 delivered, 4 read, 8 failed): a late receipt
-- must not add to a day whose totals were never kept. `npm run stats:rebuild` fills past days from the messages.
UPDATE `Message` SET `statFlags` = 1
    | IF(`direction` = 'outgoing' AND `status` IN ('delivered', 'read'), 2, 0)
    | IF(`direction` = 'outgoing' AND `status` = 'read', 4, 0)
    | IF(`direction` = 'outgoing' AND `status` = 'failed', 8, 0);

-- AlterTable
ALTER TABLE `DailyStatistic` ADD COLUMN `incomingChats` INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN `repliedChats` INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN `delivered` INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN `read` INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN `failed` INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE `DailyChatActivity` (
    `deviceId` INTEGER NOT NULL,
    `date` DATE NOT NULL,
    `chatJid` VARCHAR(128) NOT NULL,
    `firstIncomingAt` DATETIME(3) NULL,
    `lastOutgoingAt` DATETIME(3) NULL,
    `replied` BOOLEAN NOT NULL DEFAULT false,
    INDEX `DailyChatActivity_date_idx`(`date`),
    PRIMARY KEY (`deviceId`, `date`, `chatJid`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `AppSetting` (
    `key` VARCHAR(64) NOT NULL,
    `value` JSON NOT NULL,
    `updatedAt` DATETIME(3) NOT NULL,
    PRIMARY KEY (`key`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- Public sign-up is closed on a new install; an install that already has accounts keeps it open as it was.
INSERT INTO `AppSetting` (`key`, `value`, `updatedAt`)
SELECT 'signupOpen', 'true', CURRENT_TIMESTAMP(3) FROM DUAL WHERE EXISTS (SELECT 1 FROM `User`);

-- CreateIndex
CREATE INDEX `AuditLog_targetType_createdAt_idx` ON `AuditLog`(`targetType`, `createdAt`);

-- AddForeignKey
ALTER TABLE `DailyChatActivity` ADD CONSTRAINT `DailyChatActivity_deviceId_fkey` FOREIGN KEY (`deviceId`) REFERENCES `Device`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;
