-- Outgoing webhooks: endpoints per user and their deliveries, which the work runner sends as durable work.

-- CreateTable
CREATE TABLE `WebhookEndpoint` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `ownerId` INTEGER NOT NULL,
    `url` VARCHAR(2048) NOT NULL,
    `secretEncrypted` VARCHAR(255) NOT NULL,
    `description` VARCHAR(200) NOT NULL DEFAULT '',
    `enabled` BOOLEAN NOT NULL DEFAULT true,
    `events` JSON NOT NULL,
    `deviceIds` JSON NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    INDEX `WebhookEndpoint_ownerId_enabled_idx`(`ownerId`, `enabled`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `WebhookDelivery` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `endpointId` INTEGER NOT NULL,
    `eventId` VARCHAR(40) NOT NULL,
    `eventType` VARCHAR(40) NOT NULL,
    `payload` MEDIUMTEXT NOT NULL,
    `status` ENUM('pending', 'succeeded', 'failed', 'dead') NOT NULL DEFAULT 'pending',
    `attempts` INTEGER NOT NULL DEFAULT 0,
    `nextAttemptAt` DATETIME(3) NOT NULL,
    `claimedAt` DATETIME(3) NULL,
    `claimedBy` VARCHAR(36) NULL,
    `responseStatus` INTEGER NULL,
    `responseExcerpt` VARCHAR(1000) NULL,
    `error` VARCHAR(500) NULL,
    `durationMs` INTEGER NULL,
    `lastAttemptAt` DATETIME(3) NULL,
    `replayOfId` INTEGER NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    INDEX `WebhookDelivery_status_nextAttemptAt_idx`(`status`, `nextAttemptAt`),
    INDEX `WebhookDelivery_endpointId_createdAt_idx`(`endpointId`, `createdAt`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- AddForeignKey
ALTER TABLE `WebhookEndpoint` ADD CONSTRAINT `WebhookEndpoint_ownerId_fkey` FOREIGN KEY (`ownerId`) REFERENCES `User`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `WebhookDelivery` ADD CONSTRAINT `WebhookDelivery_endpointId_fkey` FOREIGN KEY (`endpointId`) REFERENCES `WebhookEndpoint`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;
