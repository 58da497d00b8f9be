-- Recent chats per device without grouping the device's every message: a summary row per chat, kept by a trigger.

-- CreateTable
CREATE TABLE `ChatThread` (
    `deviceId` INTEGER NOT NULL,
    `chatJid` VARCHAR(128) NOT NULL,
    `lastAt` DATETIME(3) NOT NULL,
    INDEX `ChatThread_deviceId_lastAt_chatJid_idx`(`deviceId`, `lastAt`, `chatJid`),
    PRIMARY KEY (`deviceId`, `chatJid`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- AddForeignKey
ALTER TABLE `ChatThread` ADD CONSTRAINT `ChatThread_deviceId_fkey` FOREIGN KEY (`deviceId`) REFERENCES `Device`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- Backfill from the messages already stored.
INSERT INTO `ChatThread` (`deviceId`, `chatJid`, `lastAt`)
SELECT `deviceId`, `chatJid`, MAX(`timestamp`) FROM `Message` GROUP BY `deviceId`, `chatJid`;

-- Every stored message moves its chat's latest time forward (never back: messages may arrive out of order).
-- A trigger rather than application code: it costs no extra round trip per message and no writer can forget it.
CREATE TRIGGER `Message_chatThread_ai` AFTER INSERT ON `Message` FOR EACH ROW
INSERT INTO `ChatThread` (`deviceId`, `chatJid`, `lastAt`) VALUES (NEW.`deviceId`, NEW.`chatJid`, NEW.`timestamp`)
ON DUPLICATE KEY UPDATE `lastAt` = GREATEST(`lastAt`, VALUES(`lastAt`));
