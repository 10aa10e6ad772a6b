namespace KeySell.Application.Common;

internal static class Texts
{
    /// <summary>Optional text as stored: trimmed, and blank means not known.</summary>
    public static string? OrNull(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
