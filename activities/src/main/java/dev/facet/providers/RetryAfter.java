package dev.facet.providers;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Headers;

/**
 * When a provider says to come back. Reads {@code retry-after-ms} first (OpenAI's, preferred by its
 * SDKs), then {@code retry-after} as seconds or an HTTP date, then the "Please try again in 12s"
 * hint of OpenAI's rate-limit messages: whether image 429s carry the headers is unverified.
 */
final class RetryAfter {

  private static final Pattern MESSAGE_HINT =
      Pattern.compile("try again in (\\d+(?:\\.\\d+)?)\\s*(ms|s\\b|sec|seconds?)");

  private RetryAfter() {}

  static Optional<Duration> of(Headers headers, String message, Clock clock) {
    return milliseconds(headers.get("retry-after-ms"))
        .or(() -> secondsOrDate(headers.get("retry-after"), clock))
        .or(() -> hint(message))
        .filter(d -> !d.isNegative() && !d.isZero());
  }

  private static Optional<Duration> milliseconds(String value) {
    return number(value).map(ms -> Duration.ofNanos(Math.round(ms * 1_000_000)));
  }

  private static Optional<Duration> secondsOrDate(String value, Clock clock) {
    if (value == null) {
      return Optional.empty();
    }
    Optional<Duration> seconds = number(value).map(s -> Duration.ofMillis(Math.round(s * 1000)));
    if (seconds.isPresent()) {
      return seconds;
    }
    try {
      ZonedDateTime at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
      return Optional.of(Duration.between(clock.instant(), at.toInstant()));
    } catch (DateTimeParseException notADate) {
      return Optional.empty();
    }
  }

  private static Optional<Duration> hint(String message) {
    if (message == null) {
      return Optional.empty();
    }
    Matcher m = MESSAGE_HINT.matcher(message);
    if (!m.find()) {
      return Optional.empty();
    }
    double amount = Double.parseDouble(m.group(1));
    return Optional.of(
        m.group(2).equals("ms")
            ? Duration.ofMillis(Math.round(amount))
            : Duration.ofMillis(Math.round(amount * 1000)));
  }

  private static Optional<Double> number(String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Double.parseDouble(value.trim()));
    } catch (NumberFormatException notANumber) {
      return Optional.empty();
    }
  }
}
