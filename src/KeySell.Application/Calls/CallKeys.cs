using System.Globalization;

namespace KeySell.Application.Calls;

/// <summary>Call ids in the sheet: the seller's own, or <c>c1</c>, <c>c2</c>… made by the server.</summary>
public static class CallKeys
{
    /// <summary>The contract's limit of calls per deal.</summary>
    public const int MaxPerDeal = 200;

    /// <summary>One past the highest <c>c{n}</c> in use (never a gap's number, so ids keep the order calls were added in).</summary>
    public static string Next(IEnumerable<string> taken) => Sheets.SheetItemKeys.Next("c", taken);
}
