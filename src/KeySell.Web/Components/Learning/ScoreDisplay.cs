using System.Globalization;
using KeySell.Application.Common;

namespace KeySell.Web.Components.Learning;

/// <summary>How the Learn pages write a score (0…1 as a whole percentage, "86%") and a refusal of the back end.</summary>
public static class ScoreDisplay
{
    public static string Percent(decimal score) => score.ToString("P0", CultureInfo.CurrentCulture);

    /// <summary>A score for a <c>data-value</c> attribute: invariant, so tests and scripts read it alike in every language.</summary>
    public static string Invariant(decimal? score) => score is { } s ? s.ToString("0.####", CultureInfo.InvariantCulture) : "";

    /// <summary>The back end's reason with the fields it names, in one line.</summary>
    public static string Message(Error error) =>
        error.Fields.Count == 0
            ? error.Message
            : string.Join(" ", error.Fields.SelectMany(f => f.Value).Prepend(error.Message).Distinct());

    /// <summary>The class of a cell or bar that shows a score by colour (always beside the number itself).</summary>
    public static string Band(decimal? score) => score switch
    {
        null => "ks-score-none",
        >= 0.8m => "ks-score-good",
        >= 0.5m => "ks-score-fair",
        _ => "ks-score-weak",
    };
}
