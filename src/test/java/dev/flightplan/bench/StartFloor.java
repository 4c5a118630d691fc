package dev.flightplan.bench;

import dev.flightplan.config.ConfigLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * What a command costs below flightplan's own work, for {@code scripts/floor-benchmark}: each mode
 * is one step of {@code validate} alone, in a JVM of its own. {@code nothing} returns at once (the
 * JVM with flightplan's jar); {@code parse FILE} reads the file and takes SnakeYAML's parser
 * through every event, doing nothing with them (the least any reader built on SnakeYAML does);
 * {@code load FILE} is {@link ConfigLoader#load} alone (YAML, the JSON Schema on a thread of its
 * own as {@code validate} has it, the rules and the records), without the command line around it.
 */
public final class StartFloor {
  private StartFloor() {}

  public static void main(String[] args) throws Exception {
    switch (args[0]) {
      case "nothing" -> {}
      case "parse" -> {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(Integer.MAX_VALUE);
        Parser parser =
            new ParserImpl(new StreamReader(Files.readString(Path.of(args[1]))), options);
        long events = 0;
        while (parser.peekEvent() != null) {
          parser.getEvent();
          events++;
        }
        System.out.println(events + " events");
      }
      case "load" -> {
        ConfigLoader.prepare(() -> {});
        if (ConfigLoader.load(Path.of(args[1])).state().isEmpty()) {
          throw new IllegalStateException(args[1] + " did not load");
        }
      }
      default -> throw new IllegalArgumentException("mode: nothing, parse FILE or load FILE");
    }
  }
}
