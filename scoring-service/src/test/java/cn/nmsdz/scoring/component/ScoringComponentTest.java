package cn.nmsdz.scoring.component;

import cn.nmsdz.testsupport.ComponentTestResources;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The scoring service's component-test setup: embedded PostgreSQL, its three channels in memory, test-signed
 * tokens. One annotation, so that every test class shares one running application.
 */
@QuarkusTestResource(value = ComponentTestResources.class, initArgs = {
        @ResourceArg(name = "incoming", value = "catalogue-in,evidence-in"),
        @ResourceArg(name = "outgoing", value = "outbox")})
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ScoringComponentTest {
}
