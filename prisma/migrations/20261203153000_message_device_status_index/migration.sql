-- The admin message list filtered by device and status (a line's failed sends) walks this index newest first and
-- stops at the page, instead of reading the device's whole history row by row to test each status.

-- CreateIndex
CREATE INDEX `Message_deviceId_status_timestamp_idx` ON `Message`(`deviceId`, `status`, `timestamp`);
