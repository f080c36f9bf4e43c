package eu.aifactory.portal.i18n;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;

/** Numbers, money, energy and dates written the way the user's language writes them (1.234,5 kWh in German). */
public final class Formats {

    private Formats() {
    }

    public static String eur(BigDecimal amount, Locale locale) {
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(Currency.getInstance("EUR"));
        return format.format(amount);
    }

    public static String number(double value, int maxFractionDigits, Locale locale) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(maxFractionDigits);
        format.setMinimumFractionDigits(0);
        return format.format(value);
    }

    public static String number(BigDecimal value, int maxFractionDigits, Locale locale) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(maxFractionDigits);
        format.setMinimumFractionDigits(0);
        return format.format(value);
    }

    public static String kwh(BigDecimal value, Locale locale) {
        return number(value, 1, locale) + "\u00a0kWh";
    }

    /** Energy to the Wh, as receipts state it (1.234,567 kWh in German). */
    public static String kwh3(BigDecimal value, Locale locale) {
        return number(value, 3, locale) + "\u00a0kWh";
    }

    /** CO2e to the gram, as receipts state it. */
    public static String kg3(BigDecimal value, Locale locale) {
        return number(value, 3, locale) + "\u00a0kg\u00a0CO\u2082e";
    }

    /** A fraction (0.123) as a percentage with up to one decimal (12,3 % in German). */
    public static String percent(BigDecimal fraction, Locale locale) {
        return number(fraction.movePointRight(2), 1, locale) + "\u00a0%";
    }

    public static String kgCo2e(BigDecimal value, Locale locale) {
        return number(value, 1, locale) + "\u00a0kg\u00a0CO\u2082e";
    }

    public static String watts(int watts, Locale locale) {
        return watts >= 1000 ? number(watts / 1000.0, 1, locale) + "\u00a0kW" : watts + "\u00a0W";
    }

    public static String dateTime(Instant instant, Locale locale) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale).withZone(ZoneId.systemDefault()).format(instant);
    }

    public static String time(Instant instant, Locale locale) {
        return DateTimeFormatter.ofLocalizedTime(FormatStyle.MEDIUM)
                .withLocale(locale).withZone(ZoneId.systemDefault()).format(instant);
    }

    public static String date(LocalDate date, Locale locale) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(date);
    }
}
