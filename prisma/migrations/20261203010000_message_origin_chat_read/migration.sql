-- Who or what sent an outgoing message, and when each chat was last opened (unread badges).

-- AlterTable
ALTER TABLE `Message` ADD COLUMN `origin` ENUM('manual', 'template', 'scheduled', 'job', 'bot') NULL,
    ADD COLUMN `sentById` INTEGER NULL;

-- AlterTable
ALTER TABLE `ChatThread` ADD COLUMN `readUpToId` INTEGER NULL;

-- CreateIndex
CREATE INDEX `Message_sentById_idx` ON `Message`(`sentById`);

-- AddForeignKey
ALTER TABLE `Message` ADD CONSTRAINT `Message_sentById_fkey` FOREIGN KEY (`sentById`) REFERENCES `User`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;
