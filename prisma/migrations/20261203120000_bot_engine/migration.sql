-- The auto-reply bot: reply delay and groups on the config; rule media and hours window; hand-off timeout and one
-- active hand-off per contact; decision logs with their reason, rule name and reply.

-- AlterTable
ALTER TABLE `BotConfig` ADD COLUMN `replyDelaySec` INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN `allowGroups` BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE `BotRule` ADD COLUMN `mediaId` INTEGER NULL,
    ADD COLUMN `appliesWhen` ENUM('always','in_hours','out_of_hours') NOT NULL DEFAULT 'always';

-- CreateIndex
CREATE INDEX `BotRule_mediaId_idx` ON `BotRule`(`mediaId`);

-- AddForeignKey
ALTER TABLE `BotRule` ADD CONSTRAINT `BotRule_mediaId_fkey` FOREIGN KEY (`mediaId`) REFERENCES `MediaFile`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;

-- AlterTable
ALTER TABLE `Handoff` ADD COLUMN `contactName` VARCHAR(255) NULL,
    ADD COLUMN `activeJid` VARCHAR(128) NULL,
    ADD COLUMN `expiresAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3);

ALTER TABLE `Handoff` ALTER COLUMN `expiresAt` DROP DEFAULT;

-- CreateIndex
CREATE UNIQUE INDEX `Handoff_deviceId_activeJid_key` ON `Handoff`(`deviceId`, `activeJid`);

-- CreateIndex
CREATE INDEX `Handoff_status_expiresAt_idx` ON `Handoff`(`status`, `expiresAt`);

-- AlterTable
ALTER TABLE `BotLog` ADD COLUMN `reason` VARCHAR(500) NOT NULL DEFAULT '',
    ADD COLUMN `ruleName` VARCHAR(191) NULL,
    ADD COLUMN `replyMessageId` INTEGER NULL;

-- CreateIndex
CREATE INDEX `BotLog_deviceId_decision_id_idx` ON `BotLog`(`deviceId`, `decision`, `id`);
