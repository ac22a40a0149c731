package io.github.pypimaven.maven;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/** Placeholder while the skeleton is checked; replaced by the real goal. */
@Mojo(name = "publish", defaultPhase = LifecyclePhase.DEPLOY, threadSafe = true)
public class PublishMojo extends AbstractMojo {
    @Override
    public void execute() {
        getLog().info("publish");
    }
}
