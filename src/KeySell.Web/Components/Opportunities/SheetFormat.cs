using System.Globalization;
using KeySell.Domain.BuyingInfluences;
using KeySell.Web.Components.Shared;
using KeySell.Web.Resources;
using Microsoft.Extensions.Localization;

namespace KeySell.Web.Components.Opportunities;

/// <summary>
/// How the sheet shows numbers, money, dates and support in the reader's culture, so a Chinese
/// seller reads ¥1,200,000 and 2027年3月31日 while an English one reads CN¥1,200,000 and March 31, 2027.
/// </summary>
public static class SheetFormat
{
    public static string Money(decimal amount, string? currency, CultureInfo culture) => Display.Money(amount, currency, culture);

    public static string Number(decimal value, CultureInfo culture) =>
        value.ToString(value == decimal.Truncate(value) ? "#,0" : "#,0.##", culture);

    /// <summary>The culture's long date without the weekday: 2027年3月31日, March 31, 2027.</summary>
    public static string Date(DateOnly date, CultureInfo culture) => Display.Date(date, culture);

    public static string ShortDate(DateOnly date, CultureInfo culture) => date.ToString("d", culture);

    /// <summary>Support as the seller writes it on paper: +3, 0, −2.</summary>
    public static string Support(int support) => support switch
    {
        > 0 => "+" + support.ToString(CultureInfo.InvariantCulture),
        < 0 => "\u2212" + (-support).ToString(CultureInfo.InvariantCulture),
        _ => "0",
    };

    /// <summary>
    /// A role badge's accessible name, which holds the badge's visible text (WCAG 2.5.3): the role's name where the badge
    /// shows it or a word it begins with (用户, 技术 for 技术把关者), else "C (Coach)" where the badge shows a letter.
    /// </summary>
    public static string RoleName(IStringLocalizer<UiText> text, BuyingRoles role)
    {
        var shown = text.Letter(role);
        var name = text.Label(role);
        return shown.Length > 1 && name.StartsWith(shown, StringComparison.CurrentCulture) ? name : $"{shown} ({name})";
    }
}
