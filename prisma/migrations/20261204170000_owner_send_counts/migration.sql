-- The daily limit counted an owner's messages of the day on every send: the work grew with each message sent that
-- day (a bulk day of 100k messages made every send count 100k index entries). Now triggers keep a count per owner
-- and 15-minute span of UTC time, and the limit sums the spans since local midnight: at most 96 rows. Every UTC
-- offset in use is a multiple of 15 minutes, so local midnight always starts a span.
-- What counts is what the old count counted: outgoing messages that did not fail. A message deleted later still
-- went out that day, so deleting it does not give its send back (there is no delete trigger).

-- CreateTable
CREATE TABLE `SendCount` (
    `ownerId` INTEGER NOT NULL,
    `span` DATETIME(3) NOT NULL,
    `sent` INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY (`ownerId`, `span`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- AddForeignKey
ALTER TABLE `SendCount` ADD CONSTRAINT `SendCount_ownerId_fkey` FOREIGN KEY (`ownerId`) REFERENCES `User`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- A stored outgoing message counts in its span at once, in the statement that stores it (no extra round trip).
CREATE TRIGGER `Message_sendCount_ai` AFTER INSERT ON `Message` FOR EACH ROW
INSERT INTO `SendCount` (`ownerId`, `span`, `sent`)
SELECT NEW.`ownerId`, TIMESTAMPADD(MINUTE, (HOUR(NEW.`timestamp`) * 60 + MINUTE(NEW.`timestamp`)) DIV 15 * 15, DATE(NEW.`timestamp`)), 1 FROM DUAL
 WHERE NEW.`direction` = 'outgoing' AND NEW.`status` <> 'failed'
ON DUPLICATE KEY UPDATE `sent` = `sent` + 1;

-- A message that fails gives its send back; one a receipt revives (failed → delivered) or a resend retries counts
-- again; a device moved to another owner moves its messages' counts. Status steps that change none of it (sent →
-- delivered → read) select no row.
CREATE TRIGGER `Message_sendCount_au` AFTER UPDATE ON `Message` FOR EACH ROW
INSERT INTO `SendCount` (`ownerId`, `span`, `sent`)
SELECT OLD.`ownerId`, TIMESTAMPADD(MINUTE, (HOUR(OLD.`timestamp`) * 60 + MINUTE(OLD.`timestamp`)) DIV 15 * 15, DATE(OLD.`timestamp`)), -1 FROM DUAL
 WHERE OLD.`direction` = 'outgoing' AND OLD.`status` <> 'failed'
   AND NOT (NEW.`direction` = 'outgoing' AND NEW.`status` <> 'failed' AND NEW.`ownerId` = OLD.`ownerId`
            AND DATE(NEW.`timestamp`) = DATE(OLD.`timestamp`)
            AND (HOUR(NEW.`timestamp`) * 60 + MINUTE(NEW.`timestamp`)) DIV 15 = (HOUR(OLD.`timestamp`) * 60 + MINUTE(OLD.`timestamp`)) DIV 15)
UNION ALL
SELECT NEW.`ownerId`, TIMESTAMPADD(MINUTE, (HOUR(NEW.`timestamp`) * 60 + MINUTE(NEW.`timestamp`)) DIV 15 * 15, DATE(NEW.`timestamp`)), 1 FROM DUAL
 WHERE NEW.`direction` = 'outgoing' AND NEW.`status` <> 'failed'
   AND NOT (OLD.`direction` = 'outgoing' AND OLD.`status` <> 'failed' AND NEW.`ownerId` = OLD.`ownerId`
            AND DATE(NEW.`timestamp`) = DATE(OLD.`timestamp`)
            AND (HOUR(NEW.`timestamp`) * 60 + MINUTE(NEW.`timestamp`)) DIV 15 = (HOUR(OLD.`timestamp`) * 60 + MINUTE(OLD.`timestamp`)) DIV 15)
ON DUPLICATE KEY UPDATE `sent` = `sent` + VALUES(`sent`);

-- Backfill: only today's spans are ever read, so the last two days of messages are enough (for any time zone).
INSERT INTO `SendCount` (`ownerId`, `span`, `sent`)
SELECT `ownerId`, TIMESTAMPADD(MINUTE, (HOUR(`timestamp`) * 60 + MINUTE(`timestamp`)) DIV 15 * 15, DATE(`timestamp`)), COUNT(*)
  FROM `Message`
 WHERE `direction` = 'outgoing' AND `status` <> 'failed' AND `timestamp` >= CURRENT_DATE - INTERVAL 2 DAY
 GROUP BY 1, 2
ON DUPLICATE KEY UPDATE `sent` = VALUES(`sent`);
