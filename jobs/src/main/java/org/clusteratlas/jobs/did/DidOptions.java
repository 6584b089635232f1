package org.clusteratlas.jobs.did;

import java.util.Locale;
import org.clusteratlas.jobs.UserError;

/**
 * Settings of one Callaway &amp; Sant'Anna estimation, named as in R {@code did::att_gt}: comparison group,
 * base period, anticipation, significance level, multiplier-bootstrap draws and seed, and what to do with
 * an unbalanced panel.
 */
public record DidOptions(Control control, Base base, int anticipation, double alpha, int bootstrapDraws,
    long seed, Unbalanced unbalanced) {

  /** {@code control_group}: never-treated units only, or never- plus not-yet-treated units. */
  public enum Control {
    NEVER("never"), NOT_YET("notyet");

    public final String label;

    Control(String label) {
      this.label = label;
    }

    public static Control parse(String s) {
      return switch (s.toLowerCase(Locale.ROOT)) {
        case "never", "nevertreated" -> NEVER;
        case "notyet", "notyettreated" -> NOT_YET;
        default -> throw new UserError("--control must be never or notyet, got '" + s + "'");
      };
    }
  }

  /** {@code base_period}: pre-treatment cells compare t with t-1 (varying) or with g-δ-1 (universal). */
  public enum Base {
    VARYING("varying"), UNIVERSAL("universal");

    public final String label;

    Base(String label) {
      this.label = label;
    }

    public static Base parse(String s) {
      return switch (s.toLowerCase(Locale.ROOT)) {
        case "varying" -> VARYING;
        case "universal" -> UNIVERSAL;
        default -> throw new UserError("--base must be varying or universal, got '" + s + "'");
      };
    }
  }

  /**
   * Units missing a period: DROP them (R {@code did}'s default, which balances the panel) or stop with an
   * ERROR that says how many units are incomplete.
   */
  public enum Unbalanced {
    DROP, ERROR;

    public static Unbalanced parse(String s) {
      return switch (s.toLowerCase(Locale.ROOT)) {
        case "drop" -> DROP;
        case "error" -> ERROR;
        default -> throw new UserError("--unbalanced must be drop or error, got '" + s + "'");
      };
    }
  }

  public DidOptions {
    if (anticipation < 0) {
      throw new UserError("--anticipation must be >= 0, got " + anticipation);
    }
    if (!(alpha > 0 && alpha < 1)) {
      throw new UserError("alpha must be in (0, 1), got " + alpha);
    }
    if (bootstrapDraws < 0) {
      throw new UserError("--bootstrap must be >= 0 (0 = analytic standard errors only), got " + bootstrapDraws);
    }
  }

  /** R's defaults: never-treated controls, varying base, no anticipation, 5%, 999 draws. */
  public static DidOptions defaults() {
    return new DidOptions(Control.NEVER, Base.VARYING, 0, 0.05, 999, 20240601L, Unbalanced.DROP);
  }

  public DidOptions withControl(Control c) {
    return new DidOptions(c, base, anticipation, alpha, bootstrapDraws, seed, unbalanced);
  }

  public DidOptions withBase(Base b) {
    return new DidOptions(control, b, anticipation, alpha, bootstrapDraws, seed, unbalanced);
  }

  public DidOptions withBootstrap(int draws, long newSeed) {
    return new DidOptions(control, base, anticipation, alpha, draws, newSeed, unbalanced);
  }

  public DidOptions withUnbalanced(Unbalanced u) {
    return new DidOptions(control, base, anticipation, alpha, bootstrapDraws, seed, u);
  }

  public DidOptions withAnticipation(int a) {
    return new DidOptions(control, base, a, alpha, bootstrapDraws, seed, unbalanced);
  }
}
