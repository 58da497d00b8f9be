-- The chat lists read one summary row per chat instead of each chat's latest ~20 messages: ChatThread carries the
-- last message, the replies owed and the contact's pushName, kept by the Message insert trigger. The daily list reads
-- one day of a device from an index that covers what it folds (chat, direction), not from scattered table rows.

-- AlterTable
ALTER TABLE `ChatThread` ADD COLUMN `lastMessageId` INTEGER NULL,
    ADD COLUMN `lastOutgoingAt` DATETIME(3) NULL,
    ADD COLUMN `awaitingReply` INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN `pushName` VARCHAR(255) NULL,
    ADD COLUMN `pushNameAt` DATETIME(3) NULL;

-- CreateIndex
CREATE INDEX `Message_deviceId_timestamp_chatJid_direction_idx` ON `Message`(`deviceId`, `timestamp`, `chatJid`, `direction`);

-- Backfill from the messages already stored. A message is "after" another if its timestamp is later, or equal with a
-- larger id (ids grow with arrival).
UPDATE `ChatThread` t SET
    `lastMessageId` = (SELECT m.`id` FROM `Message` m WHERE m.`deviceId` = t.`deviceId` AND m.`chatJid` = t.`chatJid` ORDER BY m.`timestamp` DESC, m.`id` DESC LIMIT 1),
    `lastOutgoingAt` = (SELECT MAX(m.`timestamp`) FROM `Message` m WHERE m.`deviceId` = t.`deviceId` AND m.`chatJid` = t.`chatJid` AND m.`direction` = 'outgoing'),
    `pushNameAt` = (SELECT MAX(m.`timestamp`) FROM `Message` m WHERE m.`deviceId` = t.`deviceId` AND m.`chatJid` = t.`chatJid` AND m.`direction` = 'incoming' AND JSON_VALUE(m.`metadata`, '$.pushName') IS NOT NULL),
    `pushName` = (SELECT LEFT(JSON_VALUE(m.`metadata`, '$.pushName'), 255) FROM `Message` m WHERE m.`deviceId` = t.`deviceId` AND m.`chatJid` = t.`chatJid` AND m.`direction` = 'incoming' AND JSON_VALUE(m.`metadata`, '$.pushName') IS NOT NULL ORDER BY m.`timestamp` DESC, m.`id` DESC LIMIT 1);

UPDATE `ChatThread` t SET `awaitingReply` = LEAST(21, (
    SELECT COUNT(*) FROM `Message` m
    WHERE m.`deviceId` = t.`deviceId` AND m.`chatJid` = t.`chatJid` AND m.`direction` = 'incoming'
      AND (t.`lastOutgoingAt` IS NULL OR m.`timestamp` > t.`lastOutgoingAt` OR (m.`timestamp` = t.`lastOutgoingAt` AND m.`id` > (
        SELECT MAX(o.`id`) FROM `Message` o
        WHERE o.`deviceId` = t.`deviceId` AND o.`chatJid` = t.`chatJid` AND o.`direction` = 'outgoing' AND o.`timestamp` = t.`lastOutgoingAt`)))));

-- Every stored message moves its chat's summary forward. Messages may arrive out of order: an older message never
-- replaces the last one, and an older outgoing message recounts the incoming ones after it (capped). The new row's id
-- is the largest, so among equal timestamps it is the latest. Assignments run left to right and see the values set
-- before them: each "…At" column is updated after the columns whose condition reads it.
DROP TRIGGER IF EXISTS `Message_chatThread_ai`;

CREATE TRIGGER `Message_chatThread_ai` AFTER INSERT ON `Message` FOR EACH ROW
INSERT INTO `ChatThread` (`deviceId`, `chatJid`, `lastAt`, `lastMessageId`, `lastOutgoingAt`, `awaitingReply`, `pushName`, `pushNameAt`)
VALUES (NEW.`deviceId`, NEW.`chatJid`, NEW.`timestamp`, NEW.`id`,
    IF(NEW.`direction` = 'outgoing', NEW.`timestamp`, NULL),
    IF(NEW.`direction` = 'incoming', 1, 0),
    IF(NEW.`direction` = 'incoming', LEFT(JSON_VALUE(NEW.`metadata`, '$.pushName'), 255), NULL),
    IF(NEW.`direction` = 'incoming' AND JSON_VALUE(NEW.`metadata`, '$.pushName') IS NOT NULL, NEW.`timestamp`, NULL))
ON DUPLICATE KEY UPDATE
    `awaitingReply` = CASE
        WHEN NEW.`direction` = 'incoming' THEN
            IF(`lastOutgoingAt` IS NULL OR NEW.`timestamp` >= `lastOutgoingAt`, LEAST(`awaitingReply` + 1, 21), `awaitingReply`)
        WHEN `lastOutgoingAt` IS NOT NULL AND NEW.`timestamp` < `lastOutgoingAt` THEN `awaitingReply`
        WHEN NEW.`timestamp` >= `lastAt` THEN 0
        ELSE (SELECT COUNT(*) FROM (
            SELECT 1 FROM `Message` m
            WHERE m.`deviceId` = NEW.`deviceId` AND m.`chatJid` = NEW.`chatJid` AND m.`direction` = 'incoming' AND m.`timestamp` > NEW.`timestamp`
            LIMIT 21) later)
    END,
    `pushName` = IF(NEW.`direction` = 'incoming' AND JSON_VALUE(NEW.`metadata`, '$.pushName') IS NOT NULL AND (`pushNameAt` IS NULL OR NEW.`timestamp` >= `pushNameAt`),
        LEFT(JSON_VALUE(NEW.`metadata`, '$.pushName'), 255), `pushName`),
    `pushNameAt` = IF(NEW.`direction` = 'incoming' AND JSON_VALUE(NEW.`metadata`, '$.pushName') IS NOT NULL AND (`pushNameAt` IS NULL OR NEW.`timestamp` >= `pushNameAt`),
        NEW.`timestamp`, `pushNameAt`),
    `lastOutgoingAt` = IF(NEW.`direction` = 'outgoing' AND (`lastOutgoingAt` IS NULL OR NEW.`timestamp` >= `lastOutgoingAt`), NEW.`timestamp`, `lastOutgoingAt`),
    `lastMessageId` = IF(NEW.`timestamp` >= `lastAt`, NEW.`id`, `lastMessageId`),
    `lastAt` = GREATEST(`lastAt`, NEW.`timestamp`);
