package dev.facet;

import dev.facet.app.cli.ContainerRole;
import dev.facet.app.cli.FacetCommand;
import dev.facet.app.cli.Launcher;
import dev.facet.app.run.CatalogFile;
import dev.facet.app.run.CatalogRun;
import dev.facet.app.run.RunOptions;
import dev.facet.app.run.Terminal;
import java.util.List;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Facet's one executable: {@code run}, {@code serve}, {@code worker}, {@code qa}, {@code finish},
 * {@code key}, {@code budget} or {@code help}. ({@code ./facet fake-providers} runs the devkit
 * module's server, not this jar: the product carries no fake.)
 */
// Facet's users are API keys (dev.facet.app.security), not Spring's generated default user.
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
@ConfigurationPropertiesScan
public class FacetApplication {

  static final int USAGE_ERROR = 2;

  public static void main(String[] args) {
    String[] commandLine;
    try {
      commandLine = ContainerRole.commandLine(args, System.getenv(ContainerRole.VARIABLE));
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(USAGE_ERROR);
      return;
    }
    SpringLauncher launcher = new SpringLauncher();
    int exit =
        FacetCommand.commandLine(launcher, System.out, System.err, System::getenv)
            .execute(commandLine);
    // A server started by the command keeps the process up until it is stopped.
    if (!launcher.serving) {
      System.exit(exit);
    }
  }

  /** The commands that run Spring, started from this class's configuration. */
  private static final class SpringLauncher implements Launcher {

    private boolean serving;

    @Override
    public void serve(List<String> springProperties) {
      serving = true;
      application(WebApplicationType.SERVLET).run(springProperties.toArray(String[]::new));
    }

    @Override
    public void worker(List<String> springProperties) {
      serving = true;
      application(WebApplicationType.NONE)
          // Worker threads are daemons; this keeps the process up until it is stopped.
          .properties("spring.main.keep-alive=true")
          .run(springProperties.toArray(String[]::new));
    }

    /** The web server stays up during a run: reviewers decide through the API. */
    @Override
    public int run(CatalogFile catalog, RunOptions options, List<String> springProperties) {
      try (ConfigurableApplicationContext context =
          application(WebApplicationType.SERVLET)
              .properties(
                  "spring.main.banner-mode=off",
                  "logging.threshold.console=WARN",
                  "logging.file.name=${facet.data}/facet.log")
              .run(springProperties.toArray(String[]::new))) {
        return context.getBean(CatalogRun.class).run(catalog, options, Terminal.system());
      }
    }

    private static SpringApplicationBuilder application(WebApplicationType type) {
      return new SpringApplicationBuilder(FacetApplication.class).web(type);
    }
  }
}
