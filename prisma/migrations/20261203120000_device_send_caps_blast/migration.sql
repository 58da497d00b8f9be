-- Per-device hourly and daily send caps for bulk jobs: the owner's own caps, and a per-hour count of the lane's sends.

-- AlterTable
ALTER TABLE `Device` ADD COLUMN `hourlyCap` INTEGER NULL,
    ADD COLUMN `dailyCap` INTEGER NULL;

-- CreateTable
CREATE TABLE `DeviceSendWindow` (
    `deviceId` INTEGER NOT NULL,
    `hourStart` DATETIME(3) NOT NULL,
    `sent` INTEGER NOT NULL DEFAULT 0,

    INDEX `DeviceSendWindow_hourStart_idx`(`hourStart`),
    PRIMARY KEY (`deviceId`, `hourStart`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- AddForeignKey
ALTER TABLE `DeviceSendWindow` ADD CONSTRAINT `DeviceSendWindow_deviceId_fkey` FOREIGN KEY (`deviceId`) REFERENCES `Device`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;
