package dev.facet;

import dev.facet.audit.QaAudit;
import dev.facet.cli.BudgetCommand;
import dev.facet.cli.CatalogFile;
import dev.facet.cli.CatalogRun;
import dev.facet.cli.ChannelArguments;
import dev.facet.cli.Invocation;
import dev.facet.cli.RunOptions;
import dev.facet.cli.Terminal;
import dev.facet.cli.UsageException;
import dev.facet.finish.FinishCommand;
import dev.facet.manifest.ManifestException;
import dev.facet.security.KeyCommand;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
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
// Facet's users are API keys (dev.facet.security), not Spring's generated default user.
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
@ConfigurationPropertiesScan
public class FacetApplication {

  static final int USAGE_ERROR = 2;

  public static void main(String[] args) throws InterruptedException {
    // Tools that need neither Spring nor Temporal; their flags are their own.
    if (args.length > 0 && args[0].equals(Invocation.QA)) {
      System.exit(qa(rest(args)));
    }
    if (args.length > 0 && args[0].equals(Invocation.FINISH)) {
      System.exit(finish(rest(args)));
    }
    if (args.length > 0 && args[0].equals(Invocation.KEY)) {
      System.exit(new KeyCommand(System.out, System.err).run(rest(args)));
    }
    if (args.length > 0 && args[0].equals(Invocation.BUDGET)) {
      // A client of a running Facet's API, like curl: it starts no Spring and no Temporal.
      String data = System.getenv("FACET_DATA");
      System.exit(new BudgetCommand(System.out, System.err, System::getenv,
              Path.of(data == null || data.isBlank() ? "./data" : data))
          .run(rest(args)));
    }
    Invocation invocation;
    try {
      // The container image starts with no command: FACET_ROLE (api, worker, both) names it.
      String role = System.getenv(Invocation.ROLE_VARIABLE);
      invocation = Invocation.parse(Invocation.withRole(args, role));
    } catch (UsageException e) {
      System.err.println(e.getMessage() + "\n\n" + Invocation.USAGE);
      System.exit(USAGE_ERROR);
      return;
    }
    String[] springArgs = invocation.springArgs().toArray(String[]::new);
    switch (invocation.command()) {
      case HELP -> System.out.print(Invocation.USAGE);
      case SERVE -> application(WebApplicationType.SERVLET).run(springArgs);
      case WORKER ->
          application(WebApplicationType.NONE)
              // Worker threads are daemons; this keeps the process up until it is stopped.
              .properties("spring.main.keep-alive=true")
              .run(springArgs);
      case RUN -> System.exit(run(invocation.run().orElseThrow(), springArgs));
    }
  }

  private static int qa(String[] args) {
    try {
      return new QaAudit(System.out, System.err).run(ChannelArguments.resolved(Invocation.QA, args));
    } catch (UsageException e) {
      System.err.println(e.getMessage());
      return QaAudit.UNUSABLE;
    }
  }

  private static int finish(String[] args) {
    try {
      return new FinishCommand(System.out, System.err).run(ChannelArguments.resolved(Invocation.FINISH, args));
    } catch (UsageException e) {
      System.err.println(e.getMessage());
      return FinishCommand.UNUSABLE;
    }
  }

  private static String[] rest(String[] args) {
    return Arrays.copyOfRange(args, 1, args.length);
  }

  /** Reads the catalog first, so a broken file fails before anything starts. */
  private static int run(RunOptions options, String[] springArgs) {
    CatalogFile catalog;
    try {
      catalog = CatalogFile.read(options.catalog(), options.catalogId(), options.approval());
      if (options.sample() > 0) {
        catalog = catalog.sample(options.sample());
      }
    } catch (ManifestException | UncheckedIOException | UsageException e) {
      System.err.println(e.getMessage());
      return USAGE_ERROR;
    }
    // The web server stays up during a run: reviewers decide through the API.
    try (ConfigurableApplicationContext context =
        application(WebApplicationType.SERVLET)
            .properties(
                "spring.main.banner-mode=off",
                "logging.threshold.console=WARN",
                "logging.file.name=${facet.data}/facet.log")
            .run(springArgs)) {
      return context.getBean(CatalogRun.class).run(catalog, options, Terminal.system());
    }
  }

  private static SpringApplicationBuilder application(WebApplicationType type) {
    return new SpringApplicationBuilder(FacetApplication.class).web(type);
  }
}
