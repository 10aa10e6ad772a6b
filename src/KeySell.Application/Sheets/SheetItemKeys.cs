using System.Globalization;

namespace KeySell.Application.Sheets;

/// <summary>The ids the server makes for a deal's calls (<c>c1</c>…) and actions (<c>a1</c>…) when the caller gives none.</summary>
public static class SheetItemKeys
{
    /// <summary>
    /// The prefix followed by one past the highest number already used that way (never a gap's number), so an id is never
    /// handed out twice while its item exists and ids keep the order the items were added in.
    /// </summary>
    public static string Next(string prefix, IEnumerable<string> taken)
    {
        var highest = 0L;
        foreach (var key in taken)
        {
            if (key.Length > prefix.Length && key.StartsWith(prefix, StringComparison.Ordinal)
                && long.TryParse(key.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > highest)
                highest = n;
        }
        return prefix + (highest + 1).ToString(CultureInfo.InvariantCulture);
    }
}
