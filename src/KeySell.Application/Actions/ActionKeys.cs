using System.Globalization;
using KeySell.Application.Common;
using KeySell.Application.Resources;
using KeySell.Domain.Actions;

namespace KeySell.Application.Actions;

/// <summary>The sheet ids of a deal's actions: given by the caller (checked) or made by the server as the next free <c>a</c>-number.</summary>
internal static class ActionKeys
{
    public const string Prefix = "a";

    /// <summary>The caller's id, trimmed, when it is usable: not blank, not too long, not taken on this deal.</summary>
    public static string? Check(Validation validation, string? id, IReadOnlyCollection<string> taken)
    {
        if (id is null) return null;
        var key = id.Trim();
        if (key.Length == 0) validation.Add("id", Messages.Format("Required"));
        else if (key.Length > SellingAction.KeyMaxLength) validation.Add("id", Messages.Format("TooLong", SellingAction.KeyMaxLength));
        else if (taken.Contains(key)) validation.Add("id", Messages.Format("Actions.DuplicateId", key));
        else return key;
        return null;
    }

    /// <summary><c>a</c> followed by one more than the highest number already used that way (<c>a1</c> for the first), so an id is never handed out twice while its action exists.</summary>
    public static string Next(IEnumerable<string> taken) => Sheets.SheetItemKeys.Next(Prefix, taken);
}
