using System.Collections.Concurrent;
using System.Globalization;

namespace KeySell.Web.Components.Shared;

/// <summary>
/// Money and dates as the reader's culture writes them: ¥1,200,000 and 2027年3月31日 in zh-CN,
/// CN¥1,200,000 and March 31, 2027 in English (the same conventions as the strategy sheet).
/// </summary>
public static class Display
{
    private static readonly ConcurrentDictionary<string, string> Symbols = new(StringComparer.Ordinal);

    public static string Money(decimal amount, string? currency) => Money(amount, currency, CultureInfo.CurrentCulture);

    public static string Money(decimal amount, string? currency, CultureInfo culture)
    {
        var format = (NumberFormatInfo)culture.NumberFormat.Clone();
        format.CurrencyDecimalDigits = amount == decimal.Truncate(amount) ? 0 : 2;
        format.CurrencySymbol = string.IsNullOrWhiteSpace(currency) ? "" : Symbol(currency.Trim().ToUpperInvariant(), culture);
        return amount.ToString("C", format).Trim();
    }

    /// <summary>The culture's long date without the weekday.</summary>
    public static string Date(DateOnly date) => Date(date, CultureInfo.CurrentCulture);

    public static string Date(DateOnly date, CultureInfo culture)
    {
        var pattern = culture.DateTimeFormat.LongDatePattern
            .Replace("dddd, ", "", StringComparison.Ordinal)
            .Replace(", dddd", "", StringComparison.Ordinal)
            .Replace("dddd", "", StringComparison.Ordinal)
            .Trim();
        return date.ToString(pattern, culture);
    }

    /// <summary>An instant as the reader's culture writes it, in the server's time zone: the long date and the short time.</summary>
    public static string DateTime(DateTimeOffset at) => DateTime(at, CultureInfo.CurrentCulture);

    public static string DateTime(DateTimeOffset at, CultureInfo culture)
    {
        var local = at.ToLocalTime();
        return $"{Date(DateOnly.FromDateTime(local.DateTime), culture)} {local.ToString(culture.DateTimeFormat.ShortTimePattern, culture)}";
    }

    private static string Symbol(string currency, CultureInfo culture)
    {
        var specific = culture.IsNeutralCulture ? CultureInfo.CreateSpecificCulture(culture.Name) : culture;
        if (TryRegion(specific, out var own) && own.ISOCurrencySymbol == currency) return specific.NumberFormat.CurrencySymbol;
        return Symbols.GetOrAdd(currency, code =>
        {
            // Away from home, yuan and dollars need their country to tell them from yen and other dollars.
            if (code == "CNY") return "CN¥";
            if (code == "USD") return "US$";
            foreach (var other in CultureInfo.GetCultures(CultureTypes.SpecificCultures))
            {
                if (TryRegion(other, out var region) && region.ISOCurrencySymbol == code && region.CurrencySymbol.Length <= 3)
                    return region.CurrencySymbol;
            }
            return code + " ";
        });
    }

    private static bool TryRegion(CultureInfo culture, out RegionInfo region)
    {
        try
        {
            region = new RegionInfo(culture.Name);
            return true;
        }
        catch (ArgumentException)
        {
            region = null!;
            return false;
        }
    }
}
