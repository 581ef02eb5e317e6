package dev.facet.app.cli;

import dev.facet.app.policy.ChoiceParser;
import dev.facet.model.NameList;
import dev.facet.shoot.ShootPolicy;
import java.util.List;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * One converter per kind of option value; paths and enums are picocli's own. Values a shoot's
 * choices take are read by {@link ChoiceParser}, the API's rules, so both surfaces refuse alike.
 */
final class Converters {

  private Converters() {}

  /** Names separated by commas ({@code etsy, amazon}), read by {@link NameList}. */
  record Names(List<String> list) {

    static final Names NONE = new Names(List.of());
  }

  static final class NamesConverter implements ITypeConverter<Names> {
    @Override
    public Names convert(String text) {
      List<String> names = NameList.commas(text);
      if (names.isEmpty()) {
        throw new TypeConversionException(
            "names separated by commas, e.g. etsy,amazon; '" + text + "' names none.");
      }
      return new Names(names);
    }
  }

  /** US dollars, at least 0, with or without a leading {@code $}. */
  static final class UsdConverter implements ITypeConverter<Double> {
    @Override
    public Double convert(String text) {
      return choices("the budget").budgetUsd(text).orElseThrow();
    }
  }

  static final class ApprovalConverter implements ITypeConverter<ShootPolicy.Approval> {
    @Override
    public ShootPolicy.Approval convert(String text) {
      return choices("approval").approval(text).orElseThrow();
    }
  }

  /** Candidates per shot. */
  static final class VariantsConverter implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String text) {
      return choices("variants").variants(text).orElseThrow();
    }
  }

  /** A number of products, above 0. */
  static final class CountConverter implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String text) {
      try {
        int count = Integer.parseInt(text.strip());
        if (count > 0) {
          return count;
        }
      } catch (NumberFormatException e) {
        // said below
      }
      throw new TypeConversionException("a number of products above 0, not '" + text + "'.");
    }
  }

  /** The shared rules, their messages naming the value as {@code noun}. */
  private static ChoiceParser choices(String noun) {
    return new ChoiceParser(option -> noun, TypeConversionException::new);
  }
}
