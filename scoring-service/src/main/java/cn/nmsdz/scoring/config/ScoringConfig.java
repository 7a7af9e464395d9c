package cn.nmsdz.scoring.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Business settings of the scoring service. */
@ConfigMapping(prefix = "nmsdz.scoring")
public interface ScoringConfig {

    String DEFAULT_SYSTEM_CODE = "NMSDZ";

    /** The code of the indicator system regions are scored against (other published systems are kept, not used). */
    @WithDefault(DEFAULT_SYSTEM_CODE)
    String systemCode();
}
