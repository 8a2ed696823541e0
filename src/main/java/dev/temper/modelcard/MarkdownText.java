package dev.temper.modelcard;

import dev.temper.modelcard.ModelCardFacts.Estimate;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How numbers, intervals and times are written in a card: one format everywhere, in UTC, locale-free. */
final class MarkdownText {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private MarkdownText() {
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    /** "97.0% (95% CI 95.1%–98.2%; 291/300)", leaving out what an old row did not keep. */
    static String estimate(Estimate e) {
        StringBuilder text = new StringBuilder(percent(e.value()));
        boolean interval = e.lower() != null && e.upper() != null;
        boolean counts = e.correct() != null && e.examples() != null;
        if (interval || counts) {
            text.append(" (");
            if (interval) {
                text.append("95% CI ").append(percent(e.lower())).append("–").append(percent(e.upper()));
            }
            if (counts) {
                text.append(interval ? "; " : "").append(e.correct()).append("/").append(e.examples());
            }
            text.append(")");
        }
        return text.toString();
    }

    /** A difference in accuracy in percentage points, signed: "+3.2 pp". */
    static String delta(double from, double to) {
        return String.format(Locale.ROOT, "%+.1f pp", (to - from) * 100);
    }

    static String number(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** A p-value to two significant digits ("0.021", "1"); tiny ones in scientific notation ("3.4e-12"). */
    static String pValue(double p) {
        if (p == 0) {
            return "< 1e-300";
        }
        if (p < 0.001) {
            return String.format(Locale.ROOT, "%.1e", p);
        }
        return new BigDecimal(p).round(new MathContext(2)).stripTrailingZeros().toPlainString();
    }

    static String decimal(Double value) {
        return value == null ? "—" : String.format(Locale.ROOT, "%.4f", value);
    }

    static String time(Instant instant) {
        return instant == null ? "—" : TIME.format(instant);
    }

    static String norm(String norm) {
        if (norm == null) {
            return "norm not recorded";
        }
        return switch (norm) {
            case "LINF" -> "L-inf";
            case "L2" -> "L2";
            default -> norm;
        };
    }

    /** Table cells and quoted text must not break the Markdown around them. */
    static String cell(String text) {
        return text == null ? "—" : text.replace("|", "\\|").replace("\r", " ").replace("\n", " ");
    }
}
