-- API keys for the REST API: only the SHA-256 of the token is kept (the token itself is shown once); the prefix
-- lets the owner tell keys apart.

-- CreateTable
CREATE TABLE `ApiKey` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `userId` INTEGER NOT NULL,
    `name` VARCHAR(100) NOT NULL,
    `prefix` VARCHAR(16) NOT NULL,
    `tokenHash` VARCHAR(64) NOT NULL,
    `scopes` VARCHAR(64) NOT NULL,
    `rateLimitPerMinute` INTEGER NOT NULL DEFAULT 120,
    `expiresAt` DATETIME(3) NULL,
    `lastUsedAt` DATETIME(3) NULL,
    `revokedAt` DATETIME(3) NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    UNIQUE INDEX `ApiKey_tokenHash_key`(`tokenHash`),
    INDEX `ApiKey_userId_createdAt_idx`(`userId`, `createdAt`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- AddForeignKey
ALTER TABLE `ApiKey` ADD CONSTRAINT `ApiKey_userId_fkey` FOREIGN KEY (`userId`) REFERENCES `User`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;
