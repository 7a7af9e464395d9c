package cn.nmsdz.scoring.rest;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Every report the service writes is downloaded the same way: one place for the header that names the file. */
final class Downloads {

    private Downloads() {
    }

    /**
     * A file download named in Chinese (RFC 6266/5987 {@code filename*}, what browsers use) with an ASCII name for
     * clients that read only {@code filename}; never cached (a report is of its moment).
     */
    static Response attachment(byte[] bytes, String type, String name, String asciiName) {
        return Response.ok(bytes, type)
                .header("Content-Disposition", "attachment; filename=\"" + asciiName + "\"; filename*=UTF-8''"
                        + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"))
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }
}
