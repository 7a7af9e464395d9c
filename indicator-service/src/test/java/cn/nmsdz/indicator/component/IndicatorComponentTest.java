package cn.nmsdz.indicator.component;

import cn.nmsdz.testsupport.ComponentTestResources;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The indicator service's component-test setup: embedded PostgreSQL, its outbox channel in memory, test-signed tokens. */
@QuarkusTestResource(value = ComponentTestResources.class, initArgs = @ResourceArg(name = "outgoing", value = "outbox"))
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface IndicatorComponentTest {
}
