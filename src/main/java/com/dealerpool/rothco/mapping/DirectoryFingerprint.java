package com.dealerpool.rothco.mapping;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * The content checksums of the catalog files of a directory. Comparing checksums rather than
 * modification times also sees changes made within the file system's timestamp resolution.
 */
record DirectoryFingerprint(Map<Path, Long> checksums) {

    static DirectoryFingerprint of(Path directory) throws IOException {
        Map<Path, Long> checksums = new LinkedHashMap<>();
        for (Path file : CatalogLoader.catalogFiles(directory)) {
            CRC32 crc = new CRC32();
            crc.update(Files.readAllBytes(file));
            checksums.put(file, crc.getValue());
        }
        return new DirectoryFingerprint(Map.copyOf(checksums));
    }
}
