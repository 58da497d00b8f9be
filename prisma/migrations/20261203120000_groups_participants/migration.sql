-- Groups keep their members in their own table (with roles and display names) instead of two JSON lists, plus the
-- description, creator, creation time and whether the device is still a member.

-- AlterTable
ALTER TABLE `Group` DROP COLUMN `participants`,
    DROP COLUMN `admins`,
    ADD COLUMN `description` TEXT NULL,
    ADD COLUMN `ownerJid` VARCHAR(128) NULL,
    ADD COLUMN `creation` DATETIME(3) NULL,
    ADD COLUMN `isMember` BOOLEAN NOT NULL DEFAULT true;

-- CreateTable
CREATE TABLE `GroupParticipant` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `groupId` INTEGER NOT NULL,
    `jid` VARCHAR(128) NOT NULL,
    `lid` VARCHAR(128) NULL,
    `role` ENUM('member','admin','superadmin') NOT NULL DEFAULT 'member',
    `name` VARCHAR(191) NULL,

    UNIQUE INDEX `GroupParticipant_groupId_jid_key`(`groupId`, `jid`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- AddForeignKey
ALTER TABLE `GroupParticipant` ADD CONSTRAINT `GroupParticipant_groupId_fkey` FOREIGN KEY (`groupId`) REFERENCES `Group`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;
