package cn.nmsdz.testsupport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tokens shaped like the realm's (issuer, audience {@code nmsdz-api}, {@code realm_access.roles}, the
 * {@code region}/{@code department}/{@code assigned_regions} claims), signed RS256 with a key made for this test
 * run. The service under test verifies them like Keycloak's, with the public key configured in place of the
 * realm's keys ({@code quarkus.oidc.public-key}), so its own role and claim checks run unchanged.
 */
public final class TestTokens {
    public static final String ISSUER = "https://component-test.invalid/realms/nmsdz";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final KeyPair KEYS;

    static {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KEYS = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private TestTokens() {
    }

    /** The OIDC settings that make the service trust these tokens, and only these. */
    static Map<String, String> oidcConfig() {
        return Map.of(
                "quarkus.oidc.tenant-enabled", "true",
                // no server to discover: tokens are verified with the configured public key alone
                "quarkus.oidc.auth-server-url", "",
                "quarkus.oidc.discovery-enabled", "false",
                "quarkus.oidc.public-key", Base64.getEncoder().encodeToString(KEYS.getPublic().getEncoded()),
                "quarkus.oidc.token.issuer", ISSUER);
    }

    /** A token of a user with these realm roles and claims (e.g. {@code region}, {@code department}). */
    public static String user(String username, List<String> roles, Map<String, Object> claims) {
        Instant now = Instant.now();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("iss", ISSUER);
        payload.put("aud", "nmsdz-api");
        payload.put("sub", "component-test-" + username);
        payload.put("preferred_username", username);
        payload.put("iat", now.getEpochSecond());
        payload.put("exp", now.plusSeconds(3600).getEpochSecond());
        payload.put("realm_access", Map.of("roles", roles));
        payload.putAll(claims);
        return sign(payload);
    }

    /** A token of a user with one realm role and these claims. */
    public static String user(String username, String role, Map<String, Object> claims) {
        return user(username, List.of(role), claims);
    }

    private static String sign(Map<String, Object> payload) {
        try {
            String header = B64.encodeToString(JSON.writeValueAsBytes(Map.of("alg", "RS256", "typ", "JWT")));
            String body = B64.encodeToString(JSON.writeValueAsBytes(payload));
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(KEYS.getPrivate());
            rsa.update((header + "." + body).getBytes(StandardCharsets.US_ASCII));
            return header + "." + body + "." + B64.encodeToString(rsa.sign());
        } catch (GeneralSecurityException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
