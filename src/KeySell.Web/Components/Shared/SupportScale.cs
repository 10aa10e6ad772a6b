namespace KeySell.Web.Components.Shared;

/// <summary>Support −5…+5 as the method's bands and as a diverging red → grey → green colour.</summary>
public static class SupportScale
{
    public static string Band(int support) => support switch
    {
        >= 4 => "champion",
        >= 1 => "supporter",
        0 => "neutral",
        >= -3 => "skeptic",
        _ => "opponent",
    };

    /// <summary>Background and text colour; every pair keeps WCAG AA contrast for the number on the chip.</summary>
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
}
