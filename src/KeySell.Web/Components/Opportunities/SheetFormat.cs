using System.Collections.Concurrent;
using System.Globalization;
using KeySell.Domain.BuyingInfluences;

namespace KeySell.Web.Components.Opportunities;

/// <summary>
/// How the sheet shows numbers, money, dates and support in the reader's culture, so a Chinese
/// seller reads ¥1,200,000 and 2027年3月31日 while an English one reads CN¥1,200,000 and March 31, 2027.
/// </summary>
public static class SheetFormat
{
    private static readonly ConcurrentDictionary<string, string> Symbols = new(StringComparer.Ordinal);

    public static string Money(decimal amount, string? currency, CultureInfo culture)
    {
        var format = (NumberFormatInfo)culture.NumberFormat.Clone();
        format.CurrencyDecimalDigits = amount == decimal.Truncate(amount) ? 0 : 2;
        if (!string.IsNullOrWhiteSpace(currency)) format.CurrencySymbol = Symbol(currency.Trim().ToUpperInvariant(), culture);
        return amount.ToString("C", format);
    }

    public static string Number(decimal value, CultureInfo culture) =>
        value.ToString(value == decimal.Truncate(value) ? "#,0" : "#,0.##", culture);

    /// <summary>The culture's long date without the weekday: 2027年3月31日, March 31, 2027.</summary>
    public static string Date(DateOnly date, CultureInfo culture)
    {
        var pattern = culture.DateTimeFormat.LongDatePattern
            .Replace("dddd, ", "", StringComparison.Ordinal)
            .Replace(", dddd", "", StringComparison.Ordinal)
            .Replace("dddd", "", StringComparison.Ordinal)
            .Trim();
        return date.ToString(pattern, culture);
    }

    public static string ShortDate(DateOnly date, CultureInfo culture) => date.ToString("d", culture);

    /// <summary>Support as the seller writes it on paper: +3, 0, −2.</summary>
    public static string Support(int support) => support switch
    {
        > 0 => "+" + support.ToString(CultureInfo.InvariantCulture),
        < 0 => "\u2212" + (-support).ToString(CultureInfo.InvariantCulture),
        _ => "0",
    };

    /// <summary>The CSS class of the diverging red → grey → green scale, one step per point.</summary>
    public static string SupportClass(int? support) => support switch
    {
        null => "kss-support-unknown",
        < 0 => "kss-support-neg" + (-support.Value).ToString(CultureInfo.InvariantCulture),
        > 0 => "kss-support-pos" + support.Value.ToString(CultureInfo.InvariantCulture),
        _ => "kss-support-zero",
    };

    public static string ModeSymbol(ResponseMode mode) => mode switch
    {
        ResponseMode.Growth => "\u2197",
        ResponseMode.Trouble => "\u26A0",
        ResponseMode.EvenKeel => "\u2192",
        ResponseMode.Overconfident => "\u263C",
        _ => "?",
    };

    public static string RoleLetter(BuyingRoles role) => role switch
    {
        BuyingRoles.Coach => "C",
        BuyingRoles.User => "U",
        BuyingRoles.Technical => "T",
        BuyingRoles.Economic => "E",
        _ => "?",
    };

    /// <summary>
    /// The symbol a reader of this culture expects: the culture's own symbol for its own currency
    /// (¥ for CNY in zh-CN), otherwise the symbol of a culture that uses that currency, otherwise the code.
    /// </summary>
    private static string Symbol(string currency, CultureInfo culture)
    {
        var specific = culture.IsNeutralCulture ? CultureInfo.CreateSpecificCulture(culture.Name) : culture;
        if (TryRegion(specific, out var own) && own.ISOCurrencySymbol == currency) return specific.NumberFormat.CurrencySymbol;
        return Symbols.GetOrAdd(currency, code =>
        {
            // Outside their home, yuan and dollars need their country to tell them from yen and other dollars.
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
