-- Media: stored files (uploads and downloaded incoming media) and the message → media link.

-- CreateTable
CREATE TABLE `MediaFile` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `ownerId` INTEGER NOT NULL,
    `kind` ENUM('image','video','audio','document','sticker') NOT NULL,
    `mimeType` VARCHAR(127) NOT NULL,
    `size` INTEGER NOT NULL,
    `sha256` VARCHAR(64) NOT NULL,
    `fileName` VARCHAR(255),
    `storageKey` VARCHAR(255) NOT NULL,
    `source` ENUM('upload','incoming') NOT NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    INDEX `MediaFile_ownerId_createdAt_idx`(`ownerId`, `createdAt`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- AlterTable: `mediaRef` was never written; media is now a row of its own.
ALTER TABLE `Message` DROP COLUMN `mediaRef`,
    ADD COLUMN `mediaId` INTEGER;

-- CreateIndex
CREATE INDEX `Message_mediaId_idx` ON `Message`(`mediaId`);

-- AlterTable: scheduled media points at a stored file too.
ALTER TABLE `ScheduledMessage` DROP COLUMN `mediaRef`,
    ADD COLUMN `mediaId` INTEGER;

-- CreateIndex
CREATE INDEX `ScheduledMessage_mediaId_idx` ON `ScheduledMessage`(`mediaId`);

-- AddForeignKey
ALTER TABLE `MediaFile` ADD CONSTRAINT `MediaFile_ownerId_fkey` FOREIGN KEY (`ownerId`) REFERENCES `User`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `Message` ADD CONSTRAINT `Message_mediaId_fkey` FOREIGN KEY (`mediaId`) REFERENCES `MediaFile`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `ScheduledMessage` ADD CONSTRAINT `ScheduledMessage_mediaId_fkey` FOREIGN KEY (`mediaId`) REFERENCES `MediaFile`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;
