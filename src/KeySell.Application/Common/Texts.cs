namespace KeySell.Application.Common;

internal static class Texts
{
    /// <summary>Optional text as stored: trimmed, and blank means not known.</summary>
    public static string? OrNull(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>Text cut to what its column holds (log and session fields that record, never refuse).</summary>
    public static string? Cut(string? text, int max) => text is { Length: > 0 } && text.Length > max ? text[..max] : text;
}
