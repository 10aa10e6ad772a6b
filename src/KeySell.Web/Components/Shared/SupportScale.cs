using System.Globalization;

namespace KeySell.Web.Components.Shared;

/// <summary>
/// The one support colour scale: support −5…+5 as a diverging red → grey → green colour, used by the grid, the chips,
/// the relationship map and the exports alike, so a +3 looks the same wherever a seller meets it. The band's name
/// comes from the domain (<see cref="KeySell.Domain.BuyingInfluences.Support.Band"/>).
/// </summary>
public static class SupportScale
{
    /// <summary>The CSS class of support nobody has judged yet: a dashed outline, never a colour of the scale.</summary>
    public const string UnknownClass = "ks-support-unknown";

    /// <summary>Background and text colour; every pair keeps WCAG AA contrast (≥ 4.5:1) for the number on the chip.</summary>
    public static (string Background, string Foreground) Colours(int support) => Math.Clamp(support, -5, 5) switch
    {
        -5 => ("#b71c1c", "#ffffff"),
        -4 => ("#c62828", "#ffffff"),
        -3 => ("#e57373", "#3b0a0a"),
        -2 => ("#ef9a9a", "#3b0a0a"),
        -1 => ("#ffcdd2", "#3b0a0a"),
        0 => ("#e0e0e0", "#212121"),
        1 => ("#c8e6c9", "#0b3d0e"),
        2 => ("#a5d6a7", "#0b3d0e"),
        3 => ("#81c784", "#0b3d0e"),
        4 => ("#2e7d32", "#ffffff"),
        _ => ("#1b5e20", "#ffffff"),
    };

    /// <summary>The inline style of a support chip; null for unknown support, which takes <see cref="UnknownClass"/>.</summary>
    public static string? Style(int? support) => support is { } value
        ? string.Create(CultureInfo.InvariantCulture, $"background:{Colours(value).Background};color:{Colours(value).Foreground}")
        : null;
}
