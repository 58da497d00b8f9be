-- Every send counts its owner's messages of today (the daily limit). The (ownerId, timestamp) index found them but the
-- count read each table row to test direction and status; with both in the index it reads the index alone. One ALTER
-- keeps an index on ownerId for its foreign key at every moment.

-- AlterIndex
ALTER TABLE `Message` DROP INDEX `Message_ownerId_timestamp_idx`, ADD INDEX `Message_ownerId_timestamp_idx`(`ownerId`, `timestamp`, `direction`, `status`);
