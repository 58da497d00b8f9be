-- AlterTable
ALTER TABLE `Message` MODIFY `content` MEDIUMTEXT NULL;

-- AlterTable
ALTER TABLE `ScheduledMessage` MODIFY `content` MEDIUMTEXT NULL;
