package cn.nmsdz.support.tokens;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * {@code nmsdz.token-cache.*}: bearer tokens the realm's keys verified, kept so the next request with the same token
 * skips the signature check (issue 12), in the gateway and in each service. An entry never outlives its token's
 * {@code exp}.
 */
@ConfigMapping(prefix = "nmsdz.token-cache")
public interface TokenCacheConfig {
    /** NMSDZ_TOKEN_CACHE_ENABLED=false verifies every request's token again. */
    @WithDefault("true")
    boolean enabled();

    /** At most this many tokens are kept (NMSDZ_TOKEN_CACHE_MAX_TOKENS); the least used go first. */
    @WithDefault("10000")
    long maxTokens();

    /**
     * The longest a verified token is trusted without a new check, however late its exp: bounds how long a token
     * signed with a key the realm has since removed is still taken (NMSDZ_TOKEN_CACHE_MAX_AGE).
     */
    @WithDefault("60s")
    Duration maxAge();
}
