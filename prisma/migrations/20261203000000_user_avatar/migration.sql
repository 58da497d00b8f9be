-- Profile pictures: the scaled image apart from the User row; User.avatar keeps the versioned URL that serves it.

-- CreateTable
CREATE TABLE `UserAvatar` (
    `userId` INTEGER NOT NULL,
    `image` MEDIUMBLOB NOT NULL,
    `mimeType` VARCHAR(100) NOT NULL,
    `updatedAt` DATETIME(3) NOT NULL,

    PRIMARY KEY (`userId`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- AddForeignKey
ALTER TABLE `UserAvatar` ADD CONSTRAINT `UserAvatar_userId_fkey` FOREIGN KEY (`userId`) REFERENCES `User`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;
